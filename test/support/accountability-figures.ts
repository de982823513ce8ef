/**
 * A school's accountability figures as a contact types them in the form (Dutch amounts, FTE
 * with a comma), valid for the default format (DEFAULT_ACCOUNTABILITY_FORMAT): the body of
 * PUT …/draft and POST …/submissions in the end-to-end tests.
 */
export function figures(fixed: string, variable: string, extraSupport: string) {
  return {
    income: [
      { lineKey: 'swv_vast_bedrag', amount: fixed },
      { lineKey: 'swv_variabel_bedrag', amount: variable },
    ],
    expenses: [
      { lineKey: 'personeel_extra_ondersteuning', fte: '1,5', amount: extraSupport },
      { lineKey: 'personeel_ondersteuningsteam', fte: '0,4', amount: '40.000,00' },
      { lineKey: 'materiele_kosten', amount: '20000,50' },
    ],
    appendix: [
      { description: 'Ambulante begeleiding', fte: '1,0', targetGroup: 'Leerlingen met TOS' },
      { description: 'Reboundvoorziening', fte: '0,5', targetGroup: 'Onderbouw' },
    ],
  };
}
