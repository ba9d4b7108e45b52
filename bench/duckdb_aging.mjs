// The DuckDB peer of the benchmark: aging by customer and currency as of a date, computed straight
// from the generated CSVs (customers.csv, invoices.csv, payments.csv) the way an analyst would.
// Usage: node duckdb_aging.mjs DIR AS_OF   (run with NODE_PATH pointing at the folder holding
// node_modules/@duckdb/node-api). Prints one JSON line: {"seconds": s, "rows": n, "totals": {...}}
// where totals are open AR per currency as decimal strings.
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, asOf] = process.argv.slice(2);
if (!dir || !asOf) {
  console.error('usage: node duckdb_aging.mjs DIR AS_OF');
  process.exit(2);
}
const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const csv = (name) => `read_csv('${dir}/${name}', header = true, all_varchar = true)`;
const sql = `
WITH inv AS (
  SELECT invoice_id, customer_id, CAST(invoice_date AS DATE) AS invoice_date, CAST(due_date AS DATE) AS due_date,
         CAST(amount AS DECIMAL(18,2)) AS amount, currency
  FROM ${csv('invoices.csv')} WHERE CAST(invoice_date AS DATE) <= DATE '${asOf}'),
paid AS (
  SELECT invoice_id, SUM(CAST(amount AS DECIMAL(18,2))) AS paid
  FROM ${csv('payments.csv')} WHERE CAST(payment_date AS DATE) <= DATE '${asOf}' AND invoice_id IS NOT NULL
  GROUP BY invoice_id),
open AS (
  SELECT inv.customer_id, inv.currency, inv.amount - COALESCE(paid.paid, 0) AS open_amount,
         DATE '${asOf}' - inv.due_date AS days
  FROM inv LEFT JOIN paid USING (invoice_id)
  WHERE inv.amount - COALESCE(paid.paid, 0) <> 0),
by_customer AS (
  SELECT customer_id, currency,
         SUM(CASE WHEN days <= 0 THEN open_amount ELSE 0 END) AS current,
         SUM(CASE WHEN days BETWEEN 1 AND 30 THEN open_amount ELSE 0 END) AS d1_30,
         SUM(CASE WHEN days BETWEEN 31 AND 60 THEN open_amount ELSE 0 END) AS d31_60,
         SUM(CASE WHEN days BETWEEN 61 AND 90 THEN open_amount ELSE 0 END) AS d61_90,
         SUM(CASE WHEN days BETWEEN 91 AND 120 THEN open_amount ELSE 0 END) AS d91_120,
         SUM(CASE WHEN days > 120 THEN open_amount ELSE 0 END) AS d121,
         SUM(open_amount) AS open_total
  FROM open GROUP BY customer_id, currency)
SELECT b.*, c.name FROM by_customer b LEFT JOIN ${csv('customers.csv')} c USING (customer_id)
ORDER BY customer_id, currency`;
const t0 = process.hrtime.bigint();
const reader = await con.runAndReadAll(sql);
const rows = reader.getRowObjectsJson();
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const totals = {};
for (const r of rows) {
  // DECIMAL(18,2) sums come back as decimal strings; add them in hundredths as BigInt.
  const [whole, frac = ''] = String(r.open_total).split('.');
  const cents = BigInt(whole) * 100n + (whole.startsWith('-') ? -1n : 1n) * BigInt((frac + '00').slice(0, 2));
  totals[r.currency] = (totals[r.currency] ?? 0n) + cents;
}
const out = {};
for (const [ccy, cents] of Object.entries(totals)) {
  const neg = cents < 0n, abs = neg ? -cents : cents;
  out[ccy] = `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
console.log(JSON.stringify({ seconds, rows: rows.length, totals: out }));
