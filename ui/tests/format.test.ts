import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatMoney, parsePartialDate } from '../src/lib/format';

describe('dates as the office writes them', () => {
  it('writes a full date in Mexican Spanish and in English', () => {
    expect(formatDate('2021-07-27', 'es-MX')).toBe('27 de julio de 2021');
    expect(formatDate('2021-07-27', 'en')).toBe('July 27, 2021');
  });

  it('keeps the precision of a month or a year', () => {
    expect(formatDate('2021-10', 'es-MX')).toBe('octubre de 2021');
    expect(formatDate('2021', 'es-MX')).toBe('2021');
  });

  it('joins a range with "Del … al …" in Spanish, naming a shared month and year once', () => {
    expect(formatDateRange('2021-08-03', '2021-08-05', 'es-MX')).toBe('Del 3 al 5 de agosto de 2021');
    expect(formatDateRange('2021-07-01', '2021-08-27', 'es-MX')).toBe('Del 1 de julio al 27 de agosto de 2021');
    expect(formatDateRange('2021-12-23', '2022-01-10', 'es-MX')).toBe('Del 23 de diciembre de 2021 al 10 de enero de 2022');
    // Months and years take "De … a …", and months of one year name it once.
    expect(formatDateRange('2021-07', '2021-09', 'es-MX')).toBe('De julio a septiembre de 2021');
    expect(formatDateRange('2021-11', '2022-02', 'es-MX')).toBe('De noviembre de 2021 a febrero de 2022');
    expect(formatDateRange('2021', '2023', 'es-MX')).toBe('De 2021 a 2023');
    expect(formatDateRange('2021-07-03', '2021-12', 'es-MX')).toBe('Del 3 de julio de 2021 a diciembre de 2021');
    expect(formatDateRange('2021-07-01', null, 'es-MX')).toBe('1 de julio de 2021');
  });

  it('joins a range in English', () => {
    expect(formatDateRange('2021-08-03', '2021-08-05', 'en')).toBe('August 3–5, 2021');
    expect(formatDateRange('2021-07-01', '2021-08-27', 'en')).toBe('July 1 – August 27, 2021');
  });

  it('rejects days that do not exist', () => {
    expect(parsePartialDate('2021-02-30')).toBeNull();
    expect(parsePartialDate('2021-13')).toBeNull();
    expect(parsePartialDate('27/07/2021')).toBeNull();
    expect(parsePartialDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe('money', () => {
  it('shows symbol, two decimals and the currency code', () => {
    expect(formatMoney('1250', 'MXN', 'es-MX')).toBe('$1,250.00 MXN');
    expect(formatMoney('308000', 'USD', 'es-MX')).toBe('$308,000.00 USD');
    expect(formatMoney('19500', 'GBP', 'en')).toBe('£19,500.00 GBP');
  });

  it('shows an unreadable amount as written rather than NaN', () => {
    expect(formatMoney('veinte mil', 'USD', 'es-MX')).toBe('veinte mil USD');
  });
});
