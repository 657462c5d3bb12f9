// Calls of the Sync screen and the count the sidebar shows beside its entry.
import { call, startJob } from './api';
import type { ConflictChoice } from './bindings/ConflictChoice';
import type { Progress } from './bindings/Progress';
import type { Role } from './bindings/Role';
import type { SyncStatus } from './bindings/SyncStatus';

export const syncApi = {
  status: () => call('sync_status'),
  createIdentity: (name: string, role: Role) => call('create_identity', { name, role }),
  savePublicIdentity: () => call('save_public_identity'),
  addPeer: (text: string) => call('add_peer', { text }),
  addPeerFile: () => call('add_peer_file'),
  previewBundle: (dropped: string[] | null = null) => call('preview_bundle', { dropped }),
  importBundle: (confirm: boolean, acceptClockSkew: boolean) =>
    call('import_bundle', { confirm, acceptClockSkew }),
  listConflicts: () => call('list_conflicts'),
  resolveConflict: (activity: string, field: string, choice: ConflictChoice) =>
    call('resolve_conflict', { activity, field, choice }),
  exportBundle: (peer: string, all: boolean, onProgress: (p: Progress) => void) =>
    startJob('export_bundle', { peer, all }, onProgress),
};

/** Changes this copy holds that the other side has not acknowledged, for the sidebar. */
export const syncBadge = $state({ unacknowledged: 0 });

export async function refreshSyncBadge(known?: SyncStatus): Promise<void> {
  try {
    const status = known ?? (await syncApi.status());
    syncBadge.unacknowledged = status.unacknowledged;
  } catch {
    // The badge is a hint: a failure here is shown by the Sync screen itself.
  }
}
