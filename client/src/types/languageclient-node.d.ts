// `vscode-languageclient` 11 exposes its Node entry point through package.json `exports` only
// (`vscode-languageclient/node`), which the repository's `moduleResolution: node` cannot see.
// esbuild resolves the real export; this shim points the type checker at the same file.
declare module 'vscode-languageclient/node' {
  export * from 'vscode-languageclient/lib/node/main';
}
// The platform-neutral API (client/src/server.ts) and the browser entry (client/src/browserClient.ts).
declare module 'vscode-languageclient' {
  export * from 'vscode-languageclient/lib/common/api';
}
declare module 'vscode-languageclient/browser' {
  export * from 'vscode-languageclient/lib/browser/main';
}
