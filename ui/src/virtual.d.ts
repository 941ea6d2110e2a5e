declare module 'virtual:countries' {
  /** [ISO3, ISO numeric, common name, lat, lng] */
  const rows: [string, string, string, number, number][];
  export default rows;
}
