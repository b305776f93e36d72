/** The three bundled logs: their windows, sizes and where their ids and random streams start. */
import type { TimeWindow } from './calendar.ts';
import { CANARY_WINDOW, PRODUCTION_WINDOW, TRAINING_WINDOW } from './calendar.ts';

export type DatasetName = 'training' | 'production' | 'canary';

export interface DatasetPlan {
  name: DatasetName;
  rows: number;
  window: TimeWindow;
  /** transaction_id of the first row: ids are unique across the three logs. */
  firstTxIndex: number;
  /** Separates the datasets' random streams under one seed. */
  streamSalt: number;
}

/** Plans for `productionRows` production rows: training and canary get half as many each. */
export function planDatasets(productionRows: number): DatasetPlan[] {
  const half = Math.floor(productionRows / 2);
  return [
    { name: 'training', rows: half, window: TRAINING_WINDOW, firstTxIndex: 0, streamSalt: 0x7a1 },
    {
      name: 'production',
      rows: productionRows,
      window: PRODUCTION_WINDOW,
      firstTxIndex: half,
      streamSalt: 0x9c2,
    },
    {
      name: 'canary',
      rows: half,
      window: CANARY_WINDOW,
      firstTxIndex: half + productionRows,
      streamSalt: 0xca3,
    },
  ];
}
