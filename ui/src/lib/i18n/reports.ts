// Messages of the Reports screen, in Spanish and English.
export const reportsEs = {
  'reports.title': 'Informes',
} as const;

export const reportsEn: Record<keyof typeof reportsEs, string> = {
  'reports.title': 'Reports',
};
