/** Markdown files that esbuild.mjs bundles as text (the `text` loader) into the web suite. */
declare module "*.md" {
  const text: string;
  export default text;
}
