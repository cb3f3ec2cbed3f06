// The Node tests' tiny runner: cases registered with test(name, fn) run in
// order, each printed as "ok - name" or "not ok - name" with its stack (the
// TAP-like lines CTest shows), and a failed one does not stop the rest.
export function caseList() {
  const cases = [];
  const test = (name, fn) => cases.push({ name, fn });
  return { cases, test };
}

// Runs every case (or, with ERGO_CASES=regex in the environment, those
// whose names match: for working on one); returns how many failed.
export async function runCases(cases) {
  let failed = 0;
  const only = process.env.ERGO_CASES ? new RegExp(process.env.ERGO_CASES) : null;
  for (const { name, fn } of cases) {
    if (only && !only.test(name)) continue;
    try {
      await fn();
      console.log(`ok - ${name}`);
    } catch (e) {
      failed++;
      console.log(`not ok - ${name}\n${e.stack}`);
    }
  }
  return failed;
}
