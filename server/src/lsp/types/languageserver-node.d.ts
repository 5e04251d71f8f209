// `vscode-languageserver` 11, `vscode-languageserver-protocol` 3.18 and `vscode-jsonrpc` 10 expose
// their Node entry points through package.json `exports` only (`…/node`), which the
// repository's `moduleResolution: node` cannot see. esbuild and Node resolve the real exports;
// these shims point the type checker at the same files. The platform-neutral and browser
// entries of `vscode-jsonrpc` and `vscode-languageserver-protocol`: shared/types/protocol-packages.d.ts.
declare module 'vscode-languageserver/node' {
  export * from 'vscode-languageserver/lib/node/main';
}
declare module 'vscode-languageserver-protocol/node' {
  export * from 'vscode-languageserver-protocol/lib/node/main';
}
declare module 'vscode-jsonrpc/node' {
  export * from 'vscode-jsonrpc/lib/node/main';
}
// The platform-neutral API (what the handlers use, so that they run on Node and in a web worker)
// and the browser entry (server/src/browser).
declare module 'vscode-languageserver' {
  export * from 'vscode-languageserver/lib/common/api';
}
declare module 'vscode-languageserver/browser' {
  export * from 'vscode-languageserver/lib/browser/main';
}
