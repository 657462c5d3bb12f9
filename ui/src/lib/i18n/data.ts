// Messages of the Data screen (spreadsheet import, report text, export, backups), in Spanish and English.
export const dataEs = {
  'data.title': 'Datos',
} as const;

export const dataEn: Record<keyof typeof dataEs, string> = {
  'data.title': 'Data',
};
