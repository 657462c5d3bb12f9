// Messages of the Sync screen (bundles, roster, conflicts), in Spanish and English.
export const syncEs = {
  'sync.title': 'Sincronización',
} as const;

export const syncEn: Record<keyof typeof syncEs, string> = {
  'sync.title': 'Sync',
};
