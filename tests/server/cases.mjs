// The Node tests' tiny runner: cases registered with test(name, fn) run in
// order, each printed as "ok - name" or "not ok - name" with its stack (the
// TAP-like lines CTest shows), and a failed one does not stop the rest.
export function caseList() {
  const cases = [];
  const test = (name, fn) => cases.push({ name, fn });
  return { cases, test };
}

// Runs every case; returns how many failed.
export async function runCases(cases) {
  let failed = 0;
  for (const { name, fn } of cases) {
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
