/** Error pages. */
export const errors = {
  notFoundTitle: 'Niet gevonden',
  notFoundBody: 'Deze pagina bestaat niet, of u heeft er geen toegang toe.',
  forbiddenTitle: 'Geen toegang',
  forbiddenBody: 'U heeft geen toegang tot deze pagina.',
  errorTitle: 'Er ging iets mis',
  errorBody:
    'Er ging aan onze kant iets mis. Probeer het later opnieuw. Blijft het misgaan? Neem dan contact op met het secretariaat van uw samenwerkingsverband.',
  badRequestTitle: 'Dit verzoek kon niet worden verwerkt',
  badRequestBody: 'Controleer wat u invulde of koos, en probeer het opnieuw.',
  tooLargeTitle: 'Dit bestand is te groot',
  tooLargeBody: (maxMb: number) =>
    `Een voorstel mag hoogstens ${maxMb} MB zijn. Ga terug en kies een kleiner bestand, of vul een link naar het voorstel in. Wat u verder invulde, moet u opnieuw invullen.`,
  csrfTitle: 'Formulier verlopen',
  csrfBody:
    'Het formulier kon niet worden verwerkt, omdat het verlopen is. Ga terug, vernieuw de pagina en probeer het opnieuw.',
  unavailableTitle: 'Tijdelijk niet beschikbaar',
  unavailableBody:
    'Jaarcyclus kan dit nu niet verwerken, omdat een onderdeel tijdelijk niet bereikbaar is. Probeer het over een minuut opnieuw. Blijft het misgaan? Neem dan contact op met het secretariaat van uw samenwerkingsverband.',
  toHome: 'Naar de startpagina',
};
