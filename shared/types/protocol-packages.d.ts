// `vscode-jsonrpc` 10 and `vscode-languageserver-protocol` 3.18 expose their entry points through
// package.json `exports` only, which the repository's `moduleResolution: node` cannot see;
// esbuild and Node resolve the real exports. These shims point the type checker at the same
// files: the platform-neutral API and the browser entry, neither of which needs Node's types
// (the Node entries are in server/src/lsp/types/languageserver-node.d.ts). Included by every
// project that reaches these packages (shared, client, lsp, browser, cli, tools, tests).
declare module 'vscode-jsonrpc' {
  export * from 'vscode-jsonrpc/lib/common/api';
}
declare module 'vscode-jsonrpc/browser' {
  export * from 'vscode-jsonrpc/lib/browser/main';
}
declare module 'vscode-languageserver-protocol' {
  export * from 'vscode-languageserver-protocol/lib/common/api';
}
declare module 'vscode-languageserver-protocol/browser' {
  export * from 'vscode-languageserver-protocol/lib/browser/main';
}
