// Calls of the Sync screen and the count the sidebar shows beside its entry.
import { invoke } from '@tauri-apps/api/core';
import { startJob } from './api';
import type { BundleImportReport } from './bindings/BundleImportReport';
import type { BundlePreview } from './bindings/BundlePreview';
import type { ConflictChoice } from './bindings/ConflictChoice';
import type { ConflictView } from './bindings/ConflictView';
import type { Progress } from './bindings/Progress';
import type { PublicIdentity } from './bindings/PublicIdentity';
import type { Role } from './bindings/Role';
import type { SyncStatus } from './bindings/SyncStatus';

export const syncApi = {
  status: () => invoke<SyncStatus>('sync_status'),
  createIdentity: (name: string, role: Role) => invoke<SyncStatus>('create_identity', { name, role }),
  savePublicIdentity: () => invoke<string | null>('save_public_identity'),
  addPeer: (text: string) => invoke<PublicIdentity>('add_peer', { text }),
  addPeerFile: () => invoke<PublicIdentity | null>('add_peer_file'),
  previewBundle: () => invoke<BundlePreview | null>('preview_bundle'),
  importBundle: (confirm: boolean, acceptClockSkew: boolean) =>
    invoke<BundleImportReport>('import_bundle', { confirm, acceptClockSkew }),
  listConflicts: () => invoke<ConflictView[]>('list_conflicts'),
  resolveConflict: (activity: string, field: string, choice: ConflictChoice) =>
    invoke<null>('resolve_conflict', { activity, field, choice }),
  exportBundle: (peer: string, all: boolean, onProgress: (p: Progress) => void) =>
    startJob<string | null>('export_bundle', { peer, all }, onProgress),
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
