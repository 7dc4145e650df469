// world-atlas ships TopoJSON without type declarations.
declare module 'world-atlas/countries-110m.json' {
  const topology: unknown;
  export default topology;
}
declare module 'world-atlas/countries-50m.json' {
  const topology: unknown;
  export default topology;
}
