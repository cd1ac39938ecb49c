import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.
//
// analytics_apply_payment_changes (0017), the same figures from index lookups only. Its joins from a
// batch's changes to customers and analytics_customer_spans were planned as hash joins over the whole
// tables (a batch of 500 is 5% of 10,000 customers): every ingested batch read all customers twice and all
// spans twice, ~45 of the trigger's ~110 ms a batch at 10,000 customers (auto_explain, machine load ~13),
// and growing with the customers. Now the customer rows are locked and read through `= ANY (ids)` on their
// primary keys and the spans by primary key per customer (OFFSET 0 keeps the planner from turning that back
// into a join), so a batch's cost no longer grows with the number of customers. A span the batch leaves
// as it was (a customer paying again the same day) is no longer rewritten.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION analytics_apply_payment_changes(changes analytics_payment_change[]) RETURNS void
    LANGUAGE plpgsql AS $$
    BEGIN
      IF coalesce(cardinality(changes), 0) = 0 THEN
        RETURN;
      END IF;
      -- Serializes with other changes to these customers' payments (the spans are recomputed, not added)
      -- and with a move to another country (which regroups their rows); in id order, so two statements
      -- cannot deadlock here. Each following statement then reads what those committed.
      PERFORM 1 FROM customers c
        WHERE c.id = ANY (ARRAY(SELECT x.customer_id FROM unnest(changes) x WHERE x.customer_id IS NOT NULL))
        ORDER BY c.id FOR NO KEY UPDATE;

      INSERT INTO analytics_payment_days
        (merchant_id, day, grain, asset, network, country, attributed, payments, priced, revenue, volume, failed)
      SELECT x.merchant_id, x.day,
        CASE WHEN grouping(x.asset) = 1 THEN 2 WHEN grouping(x.attributed) = 1 THEN 1 ELSE 3 END,
        x.asset, x.network, x.country, x.attributed,
        coalesce(sum(x.sign) FILTER (WHERE x.counted), 0),
        coalesce(sum(x.sign) FILTER (WHERE x.counted AND x.fiat_value IS NOT NULL), 0),
        coalesce(sum(x.sign * x.fiat_value) FILTER (WHERE x.counted), 0),
        coalesce(sum(x.sign * x.volume) FILTER (WHERE x.counted), 0),
        coalesce(sum(x.sign) FILTER (WHERE x.failed), 0)
      FROM (
        SELECT ch.*, (SELECT c.country FROM customers c WHERE c.id = ch.customer_id) AS country,
          ch.customer_id IS NOT NULL AS attributed
        FROM unnest(changes) ch
        WHERE ch.counted OR ch.failed
      ) x
      GROUP BY GROUPING SETS ((x.merchant_id, x.day, x.asset, x.network),
        (x.merchant_id, x.day, x.country, x.attributed),
        (x.merchant_id, x.day, x.asset, x.network, x.country, x.attributed))
      HAVING coalesce(sum(x.sign) FILTER (WHERE x.counted), 0) <> 0
        OR coalesce(sum(x.sign * x.fiat_value) FILTER (WHERE x.counted), 0) <> 0
        OR coalesce(sum(x.sign * x.volume) FILTER (WHERE x.counted), 0) <> 0
        OR coalesce(sum(x.sign) FILTER (WHERE x.counted AND x.fiat_value IS NOT NULL), 0) <> 0
        OR coalesce(sum(x.sign) FILTER (WHERE x.failed), 0) <> 0;

      -- The spans of every customer a counted payment came to or left, and the day counts moved along.
      -- Payments only added: the two first and two last of the old span and the new days. Any taken
      -- away: from their payments (two rows from each end of payments_customer_counted_idx).
      WITH affected AS (
        SELECT x.customer_id, bool_or(x.sign < 0) AS removed,
          array_agg(x.day) FILTER (WHERE x.sign > 0) AS added
        FROM unnest(changes) x WHERE x.customer_id IS NOT NULL AND x.counted
        GROUP BY x.customer_id
      ),
      neu AS (
        SELECT a.customer_id, c.merchant_id, c.country, f.d[1] AS first_day, f.d[2] AS second_day,
          l.d[2] AS penult_day, l.d[1] AS last_day
        FROM affected a JOIN customers c ON c.id = a.customer_id
        LEFT JOIN LATERAL (SELECT o.* FROM analytics_customer_spans o WHERE o.customer_id = a.customer_id
          OFFSET 0) o ON true
        CROSS JOIN LATERAL (SELECT CASE WHEN a.removed THEN ARRAY(
            SELECT (coalesce(p.block_time, p.detected_at) AT TIME ZONE 'UTC')::date FROM payments p
            WHERE p.customer_id = a.customer_id AND p.counted
            ORDER BY coalesce(p.block_time, p.detected_at) LIMIT 2)
          ELSE ARRAY(SELECT d FROM unnest(ARRAY[o.first_day, o.second_day] || a.added) d
            WHERE d IS NOT NULL ORDER BY d LIMIT 2) END AS d OFFSET 0) f
        CROSS JOIN LATERAL (SELECT CASE WHEN a.removed THEN ARRAY(
            SELECT (coalesce(p.block_time, p.detected_at) AT TIME ZONE 'UTC')::date FROM payments p
            WHERE p.customer_id = a.customer_id AND p.counted
            ORDER BY coalesce(p.block_time, p.detected_at) DESC LIMIT 2)
          ELSE ARRAY(SELECT d FROM unnest(ARRAY[o.last_day, o.penult_day] || a.added) d
            WHERE d IS NOT NULL ORDER BY d DESC LIMIT 2) END AS d OFFSET 0) l
      ),
      old AS (
        SELECT s.* FROM analytics_customer_spans s
        WHERE s.customer_id = ANY (ARRAY(SELECT a.customer_id FROM affected a))
      ),
      delta AS (
        SELECT t.merchant_id, t.country, t.kind, t.day, sum(t.n)::integer AS n FROM (
          SELECT o.merchant_id, o.country, v.kind, v.day, -1 AS n FROM old o
          CROSS JOIN LATERAL (VALUES ('f', o.first_day), ('s', o.second_day), ('p', o.penult_day),
            ('l', o.last_day)) v (kind, day)
          UNION ALL
          SELECT n.merchant_id, n.country, v.kind, v.day, 1 FROM neu n
          CROSS JOIN LATERAL (VALUES ('f', n.first_day), ('s', n.second_day), ('p', n.penult_day),
            ('l', n.last_day)) v (kind, day)
        ) t
        WHERE t.day IS NOT NULL
        GROUP BY t.merchant_id, t.country, t.kind, t.day
        HAVING sum(t.n) <> 0
      ),
      counted_days AS (
        INSERT INTO analytics_span_days (merchant_id, country, kind, day, customers)
        SELECT merchant_id, coalesce(country, ''), kind, day, n FROM delta
      ),
      kept AS (
        INSERT INTO analytics_customer_spans AS s
          (customer_id, merchant_id, country, first_day, second_day, penult_day, last_day)
        SELECT customer_id, merchant_id, country, first_day, second_day, penult_day, last_day
        FROM neu WHERE first_day IS NOT NULL
        ON CONFLICT (customer_id) DO UPDATE SET country = excluded.country, first_day = excluded.first_day,
          second_day = excluded.second_day, penult_day = excluded.penult_day, last_day = excluded.last_day
        WHERE (s.country, s.first_day, s.second_day, s.penult_day, s.last_day)
          IS DISTINCT FROM (excluded.country, excluded.first_day, excluded.second_day, excluded.penult_day,
            excluded.last_day)
      )
      DELETE FROM analytics_customer_spans s
      WHERE s.customer_id = ANY (ARRAY(SELECT neu.customer_id FROM neu WHERE neu.first_day IS NULL));

    END
    $$`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION analytics_apply_payment_changes(changes analytics_payment_change[]) RETURNS void
    LANGUAGE plpgsql AS $$
    BEGIN
      IF coalesce(cardinality(changes), 0) = 0 THEN
        RETURN;
      END IF;
      -- Serializes with other changes to these customers' payments (the spans are recomputed, not added)
      -- and with a move to another country (which regroups their rows); in id order, so two statements
      -- cannot deadlock here. Each following statement then reads what those committed.
      PERFORM 1 FROM customers c
        WHERE c.id IN (SELECT x.customer_id FROM unnest(changes) x WHERE x.customer_id IS NOT NULL)
        ORDER BY c.id FOR NO KEY UPDATE;

      INSERT INTO analytics_payment_days
        (merchant_id, day, grain, asset, network, country, attributed, payments, priced, revenue, volume, failed)
      SELECT x.merchant_id, x.day,
        CASE WHEN grouping(x.asset) = 1 THEN 2 WHEN grouping(x.attributed) = 1 THEN 1 ELSE 3 END,
        x.asset, x.network, x.country, x.attributed,
        coalesce(sum(x.sign) FILTER (WHERE x.counted), 0),
        coalesce(sum(x.sign) FILTER (WHERE x.counted AND x.fiat_value IS NOT NULL), 0),
        coalesce(sum(x.sign * x.fiat_value) FILTER (WHERE x.counted), 0),
        coalesce(sum(x.sign * x.volume) FILTER (WHERE x.counted), 0),
        coalesce(sum(x.sign) FILTER (WHERE x.failed), 0)
      FROM (
        SELECT ch.*, c.country, ch.customer_id IS NOT NULL AS attributed
        FROM unnest(changes) ch LEFT JOIN customers c ON c.id = ch.customer_id
        WHERE ch.counted OR ch.failed
      ) x
      GROUP BY GROUPING SETS ((x.merchant_id, x.day, x.asset, x.network),
        (x.merchant_id, x.day, x.country, x.attributed),
        (x.merchant_id, x.day, x.asset, x.network, x.country, x.attributed))
      HAVING coalesce(sum(x.sign) FILTER (WHERE x.counted), 0) <> 0
        OR coalesce(sum(x.sign * x.fiat_value) FILTER (WHERE x.counted), 0) <> 0
        OR coalesce(sum(x.sign * x.volume) FILTER (WHERE x.counted), 0) <> 0
        OR coalesce(sum(x.sign) FILTER (WHERE x.counted AND x.fiat_value IS NOT NULL), 0) <> 0
        OR coalesce(sum(x.sign) FILTER (WHERE x.failed), 0) <> 0;

      -- The spans of every customer a counted payment came to or left, and the day counts moved along.
      -- Payments only added: the two first and two last of the old span and the new days. Any taken
      -- away: from their payments (two rows from each end of payments_customer_counted_idx).
      WITH affected AS (
        SELECT x.customer_id, bool_or(x.sign < 0) AS removed,
          array_agg(x.day) FILTER (WHERE x.sign > 0) AS added
        FROM unnest(changes) x WHERE x.customer_id IS NOT NULL AND x.counted
        GROUP BY x.customer_id
      ),
      neu AS (
        SELECT a.customer_id, c.merchant_id, c.country, f.d[1] AS first_day, f.d[2] AS second_day,
          l.d[2] AS penult_day, l.d[1] AS last_day
        FROM affected a JOIN customers c ON c.id = a.customer_id
        LEFT JOIN analytics_customer_spans o ON o.customer_id = a.customer_id
        CROSS JOIN LATERAL (SELECT CASE WHEN a.removed THEN ARRAY(
            SELECT (coalesce(p.block_time, p.detected_at) AT TIME ZONE 'UTC')::date FROM payments p
            WHERE p.customer_id = a.customer_id AND p.counted
            ORDER BY coalesce(p.block_time, p.detected_at) LIMIT 2)
          ELSE ARRAY(SELECT d FROM unnest(ARRAY[o.first_day, o.second_day] || a.added) d
            WHERE d IS NOT NULL ORDER BY d LIMIT 2) END AS d OFFSET 0) f
        CROSS JOIN LATERAL (SELECT CASE WHEN a.removed THEN ARRAY(
            SELECT (coalesce(p.block_time, p.detected_at) AT TIME ZONE 'UTC')::date FROM payments p
            WHERE p.customer_id = a.customer_id AND p.counted
            ORDER BY coalesce(p.block_time, p.detected_at) DESC LIMIT 2)
          ELSE ARRAY(SELECT d FROM unnest(ARRAY[o.last_day, o.penult_day] || a.added) d
            WHERE d IS NOT NULL ORDER BY d DESC LIMIT 2) END AS d OFFSET 0) l
      ),
      old AS (
        SELECT s.* FROM analytics_customer_spans s JOIN affected a ON a.customer_id = s.customer_id
      ),
      delta AS (
        SELECT t.merchant_id, t.country, t.kind, t.day, sum(t.n)::integer AS n FROM (
          SELECT o.merchant_id, o.country, v.kind, v.day, -1 AS n FROM old o
          CROSS JOIN LATERAL (VALUES ('f', o.first_day), ('s', o.second_day), ('p', o.penult_day),
            ('l', o.last_day)) v (kind, day)
          UNION ALL
          SELECT n.merchant_id, n.country, v.kind, v.day, 1 FROM neu n
          CROSS JOIN LATERAL (VALUES ('f', n.first_day), ('s', n.second_day), ('p', n.penult_day),
            ('l', n.last_day)) v (kind, day)
        ) t
        WHERE t.day IS NOT NULL
        GROUP BY t.merchant_id, t.country, t.kind, t.day
        HAVING sum(t.n) <> 0
      ),
      counted_days AS (
        INSERT INTO analytics_span_days (merchant_id, country, kind, day, customers)
        SELECT merchant_id, coalesce(country, ''), kind, day, n FROM delta
      ),
      kept AS (
        INSERT INTO analytics_customer_spans
          (customer_id, merchant_id, country, first_day, second_day, penult_day, last_day)
        SELECT customer_id, merchant_id, country, first_day, second_day, penult_day, last_day
        FROM neu WHERE first_day IS NOT NULL
        ON CONFLICT (customer_id) DO UPDATE SET country = excluded.country, first_day = excluded.first_day,
          second_day = excluded.second_day, penult_day = excluded.penult_day, last_day = excluded.last_day
      )
      DELETE FROM analytics_customer_spans s USING neu
      WHERE s.customer_id = neu.customer_id AND neu.first_day IS NULL;

    END
    $$`.execute(db)
}
