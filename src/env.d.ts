/// <reference types="astro/client" />

declare module 'virtual:candor/site-data' {
  const data: import('./site/site-data.ts').SiteData;
  export default data;
}
