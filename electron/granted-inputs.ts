import type { FileGrants } from './file-grants.ts';

/** File grants that also list the granted paths: the open inputs no export may overwrite. */
export interface ListedGrants extends FileGrants {
  /** Every path granted so far, in the order first granted. */
  paths(): string[];
}

/** `grants`, recording each path it grants. */
export function listGrantedPaths(grants: FileGrants): ListedGrants {
  const granted = new Set<string>();
  return {
    grant(path, size) {
      const id = grants.grant(path, size);
      granted.add(path);
      return id;
    },
    resolve: (id) => grants.resolve(id),
    size: (id) => grants.size(id),
    paths: () => [...granted],
  };
}
