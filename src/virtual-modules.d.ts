// Modules the integration provides to routes at build time (src/integration/virtual-site.ts).
declare module 'virtual:study-notes/site' {
  const site: import('./build/site-view.ts').SiteView;
  export default site;
}
