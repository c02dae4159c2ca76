// fixtures bundled as text into the browser build of the suite (esbuild's text loader)
declare module '*.md' {
  const text: string;
  export default text;
}
declare module '*.html' {
  const text: string;
  export default text;
}
