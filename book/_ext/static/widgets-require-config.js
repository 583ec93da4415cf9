// Read by require.js when it loads (it must come first): the widget bundle's own modules and the
// fonts it asks for resolve to the book's _static/vendor/, never to the page's folder or a CDN.
var require = {
  paths: {"@jupyter-widgets": new URL("vendor/jupyter-widgets", document.currentScript.src).href}
};
