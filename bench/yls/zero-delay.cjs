// Preloaded into yaml-language-server 2.0.0 by bench/run.ts (`node --require`), to measure its
// validation without the 200 ms delay it hard-codes (`this.validationDelayMs = 200` in the
// SettingsState constructor; no setting changes it). A setter on Object.prototype catches that
// first assignment and turns it into an own property worth BENCH_YLS_DELAY_MS (0 by default);
// nothing else in the server is touched.
'use strict';
const delay = Number(process.env.BENCH_YLS_DELAY_MS ?? 0);
Object.defineProperty(Object.prototype, 'validationDelayMs', {
  configurable: true,
  enumerable: false,
  get() {
    return undefined;
  },
  set(_value) {
    Object.defineProperty(this, 'validationDelayMs', { value: delay, writable: true, enumerable: true, configurable: true });
    if (process.env.BENCH_YLS_DEBUG) process.stderr.write(`[bench] validationDelayMs ${_value} -> ${delay}\n`);
  },
});
