/**
 * Chart draws, one per task. Plotly draws a chart synchronously (80–300 ms for a view's larger
 * charts on a 2-core machine, measured), so a view's three charts drawn in one commit's effects
 * made one main-thread task of up to half a second after every new result. Queued, the browser
 * paints the new numbers before the first chart and answers input between charts.
 */
const queue: { draw: () => void; cancelled: boolean }[] = [];
let posted = false;

function drawNext(): void {
  posted = false;
  let next = queue.shift();
  while (next?.cancelled) next = queue.shift();
  if (queue.length > 0) post();
  next?.draw();
}

/** The next draw after the next paint (a task queued in a frame callback runs after it). */
function post(): void {
  if (posted) return;
  posted = true;
  if (typeof requestAnimationFrame === 'function') {
    requestAnimationFrame(() => setTimeout(drawNext, 0));
  } else {
    setTimeout(drawNext, 0);
  }
}

/** Runs `draw` in a task of its own after those queued before it; the returned call drops it. */
export function queueDraw(draw: () => void): () => void {
  const entry = { draw, cancelled: false };
  queue.push(entry);
  post();
  return () => {
    entry.cancelled = true;
  };
}
