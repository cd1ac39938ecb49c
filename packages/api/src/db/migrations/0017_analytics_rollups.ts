import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.
//
// Rollups the merchant analytics read instead of scanning payments (modules/analytics/rollups.ts reads
// them; the definitions stay those of metrics.ts and the raw queries, which the tests pin):
//
// - analytics_payment_days: per merchant and UTC day, the confirmed (counted) payments' count, priced
//   count, fiat value and volume, and the failed count, at three grains: 1 (asset, network), 2 (customer
//   country, attributed) and 3 (asset, network, country, attributed).
// - analytics_customer_spans: per customer with a counted payment, the UTC days of their first, second,
//   second-to-last and last counted payment (and their country). With these, "paying in [F, T)" is
//   "last ≥ F" for every customer whose last payment is before T; only customers who paid on or after T
//   need a look at their payments in the range (modules/analytics/rollups.ts).
// - analytics_span_days: how many customers have their first/second/second-to-last/last payment on a day,
//   per country ('' for none; kind f/s/p/l), so "last ≥ F" is a sum over days, not a count over customers.
//
// Statement-level AFTER triggers with transition tables keep them current on every path that writes
// payments (ingest, confirmation and reorg, assignment, merge, repricing, the seed) and on a customer's
// country change, set-wise. The day tables are append-only deltas (no hot rows for concurrent writers to
// wait or deadlock on); analytics_compact() folds them, off the write path (the analytics.compact job).
// analytics_rebuild() recomputes a merchant from scratch (the backfill below, bulk loads).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE analytics_payment_days (
      merchant_id uuid NOT NULL,
      day date NOT NULL,
      grain smallint NOT NULL CHECK (grain IN (1, 2, 3)),
      asset text,
      network text,
      country text,
      attributed boolean,
      payments integer NOT NULL,
      priced integer NOT NULL,
      revenue numeric NOT NULL,
      volume numeric NOT NULL,
      failed integer NOT NULL,
      merged boolean NOT NULL DEFAULT false
    )`.execute(db)
  await sql`CREATE INDEX analytics_payment_days_idx ON analytics_payment_days (merchant_id, grain, day)`.execute(
    db,
  )
  // The deltas not folded yet, for the analytics.compact job to find without reading everything.
  await sql`CREATE INDEX analytics_payment_days_unmerged_idx ON analytics_payment_days (merchant_id) WHERE NOT merged`.execute(
    db,
  )
  await sql`CREATE INDEX analytics_payment_days_country_idx ON analytics_payment_days (merchant_id, country, day) WHERE grain = 3`.execute(
    db,
  )

  await sql`
    CREATE TABLE analytics_customer_spans (
      customer_id uuid PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
      merchant_id uuid NOT NULL,
      country text,
      first_day date NOT NULL,
      second_day date,
      penult_day date,
      last_day date NOT NULL
    ) WITH (fillfactor = 90)`.execute(db)

  await sql`
    CREATE TABLE analytics_span_days (
      merchant_id uuid NOT NULL,
      country text NOT NULL,
      kind char(1) NOT NULL CHECK (kind IN ('f', 's', 'p', 'l')),
      day date NOT NULL,
      customers integer NOT NULL,
      merged boolean NOT NULL DEFAULT false
    )`.execute(db)
  await sql`CREATE INDEX analytics_span_days_idx ON analytics_span_days (merchant_id, kind, day, country)`.execute(
    db,
  )
  await sql`CREATE INDEX analytics_span_days_unmerged_idx ON analytics_span_days (merchant_id) WHERE NOT merged`.execute(
    db,
  )

  // One changed payment as the rollups see it: `sign` -1 for the row before a change, +1 after.
  await sql`
    CREATE TYPE analytics_payment_change AS (
      sign integer, merchant_id uuid, customer_id uuid, day date, asset text, network text,
      counted boolean, failed boolean, fiat_value numeric, volume numeric
    )`.execute(db)
  await sql`
    CREATE FUNCTION analytics_payment_change_of(sign integer, p payments) RETURNS analytics_payment_change
    LANGUAGE sql IMMUTABLE AS $$
      SELECT ROW(sign, p.merchant_id, p.customer_id,
        (coalesce(p.block_time, p.detected_at) AT TIME ZONE 'UTC')::date, p.asset, p.network, p.counted,
        p.status = 'failed', p.fiat_value, p.amount / (10::numeric ^ p.decimals))::analytics_payment_change
    $$`.execute(db)

  await sql`
    CREATE FUNCTION analytics_apply_payment_changes(changes analytics_payment_change[]) RETURNS void
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

  // Folds a merchant's unmerged deltas into one row per key; false when another session is folding them.
  await sql`
    CREATE FUNCTION analytics_compact(m uuid) RETURNS boolean LANGUAGE plpgsql AS $$
    BEGIN
      IF NOT pg_try_advisory_xact_lock(hashtextextended('analytics_compact:' || m::text, 0)) THEN
        RETURN false;
      END IF;
      WITH days AS (
        SELECT DISTINCT day FROM analytics_payment_days WHERE merchant_id = m AND NOT merged
      ),
      gone AS (
        DELETE FROM analytics_payment_days f USING days d WHERE f.merchant_id = m AND f.day = d.day
        RETURNING f.*
      )
      INSERT INTO analytics_payment_days
        (merchant_id, day, grain, asset, network, country, attributed, payments, priced, revenue, volume, failed,
         merged)
      SELECT merchant_id, day, grain, asset, network, country, attributed, sum(payments), sum(priced),
        sum(revenue), sum(volume), sum(failed), true
      FROM gone
      GROUP BY merchant_id, day, grain, asset, network, country, attributed
      HAVING sum(payments) <> 0 OR sum(priced) <> 0 OR sum(revenue) <> 0 OR sum(volume) <> 0
        OR sum(failed) <> 0;

      -- Deltas here spread over many days (a customer's previous last payment…): fold by exact key.
      WITH keys AS (
        SELECT DISTINCT kind, day, country FROM analytics_span_days WHERE merchant_id = m AND NOT merged
      ),
      gone AS (
        DELETE FROM analytics_span_days s USING keys k
        WHERE s.merchant_id = m AND s.kind = k.kind AND s.day = k.day AND s.country = k.country
        RETURNING s.*
      )
      INSERT INTO analytics_span_days (merchant_id, country, kind, day, customers, merged)
      SELECT merchant_id, country, kind, day, sum(customers), true
      FROM gone GROUP BY merchant_id, country, kind, day
      HAVING sum(customers) <> 0;
      RETURN true;
    END
    $$`.execute(db)

  // A merchant's rollups from scratch. Writers to payments and customers wait meanwhile.
  await sql`
    CREATE FUNCTION analytics_rebuild(m uuid) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      LOCK TABLE payments, customers IN SHARE MODE;
      PERFORM pg_advisory_xact_lock(hashtextextended('analytics_compact:' || m::text, 0));
      DELETE FROM analytics_payment_days WHERE merchant_id = m;
      DELETE FROM analytics_span_days WHERE merchant_id = m;
      DELETE FROM analytics_customer_spans WHERE merchant_id = m;

      INSERT INTO analytics_payment_days
        (merchant_id, day, grain, asset, network, country, attributed, payments, priced, revenue, volume, failed,
         merged)
      SELECT x.merchant_id, x.day,
        CASE WHEN grouping(x.asset) = 1 THEN 2 WHEN grouping(x.attributed) = 1 THEN 1 ELSE 3 END,
        x.asset, x.network, x.country, x.attributed,
        count(*) FILTER (WHERE x.counted),
        count(x.fiat_value) FILTER (WHERE x.counted),
        coalesce(sum(x.fiat_value) FILTER (WHERE x.counted), 0),
        coalesce(sum(x.volume) FILTER (WHERE x.counted), 0),
        count(*) FILTER (WHERE x.failed),
        true
      FROM (
        SELECT ch.*, c.country, ch.customer_id IS NOT NULL AS attributed
        FROM (SELECT (analytics_payment_change_of(1, p)).* FROM payments p
              WHERE p.merchant_id = m AND (p.counted OR p.status = 'failed')) ch
        LEFT JOIN customers c ON c.id = ch.customer_id
      ) x
      GROUP BY GROUPING SETS ((x.merchant_id, x.day, x.asset, x.network),
        (x.merchant_id, x.day, x.country, x.attributed),
        (x.merchant_id, x.day, x.asset, x.network, x.country, x.attributed));

      INSERT INTO analytics_customer_spans
        (customer_id, merchant_id, country, first_day, second_day, penult_day, last_day)
      SELECT r.customer_id, m, c.country,
        min(r.day) FILTER (WHERE r.rn = 1), min(r.day) FILTER (WHERE r.rn = 2),
        min(r.day) FILTER (WHERE r.rn = r.k - 1 AND r.k >= 2), min(r.day) FILTER (WHERE r.rn = r.k)
      FROM (
        SELECT p.customer_id, (coalesce(p.block_time, p.detected_at) AT TIME ZONE 'UTC')::date AS day,
          row_number() OVER w AS rn, count(*) OVER (PARTITION BY p.customer_id) AS k
        FROM payments p
        WHERE p.merchant_id = m AND p.counted AND p.customer_id IS NOT NULL
        WINDOW w AS (PARTITION BY p.customer_id ORDER BY coalesce(p.block_time, p.detected_at))
      ) r JOIN customers c ON c.id = r.customer_id
      WHERE r.rn <= 2 OR r.rn >= r.k - 1
      GROUP BY r.customer_id, c.country;

      INSERT INTO analytics_span_days (merchant_id, country, kind, day, customers, merged)
      SELECT s.merchant_id, coalesce(s.country, ''), v.kind, v.day, count(*), true
      FROM analytics_customer_spans s
      CROSS JOIN LATERAL (VALUES ('f', s.first_day), ('s', s.second_day), ('p', s.penult_day),
        ('l', s.last_day)) v (kind, day)
      WHERE s.merchant_id = m AND v.day IS NOT NULL
      GROUP BY s.merchant_id, s.country, v.kind, v.day;
    END
    $$`.execute(db)

  // The triggers. A trigger with transition tables fires on one event, so three on payments.
  await sql`
    CREATE FUNCTION analytics_payments_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM analytics_apply_payment_changes(ARRAY(
        SELECT analytics_payment_change_of(1, n) FROM new_rows n WHERE n.counted OR n.status = 'failed'));
      RETURN NULL;
    END
    $$`.execute(db)
  await sql`
    CREATE FUNCTION analytics_payments_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM analytics_apply_payment_changes(ARRAY(
        SELECT analytics_payment_change_of(-1, o) FROM old_rows o WHERE o.counted OR o.status = 'failed'));
      RETURN NULL;
    END
    $$`.execute(db)
  // Only rows whose figures could change (most updates touch confirmations or timestamps only).
  await sql`
    CREATE FUNCTION analytics_payments_updated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM analytics_apply_payment_changes(ARRAY(
        SELECT v.change FROM old_rows o JOIN new_rows n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (analytics_payment_change_of(-1, o)), (analytics_payment_change_of(1, n)))
          v (change)
        WHERE (o.counted OR o.status = 'failed' OR n.counted OR n.status = 'failed')
          AND (o.counted, o.status, o.customer_id, coalesce(o.block_time, o.detected_at), o.asset, o.network,
               o.fiat_value, o.amount, o.decimals, o.merchant_id)
            IS DISTINCT FROM (n.counted, n.status, n.customer_id, coalesce(n.block_time, n.detected_at), n.asset,
               n.network, n.fiat_value, n.amount, n.decimals, n.merchant_id)));
      RETURN NULL;
    END
    $$`.execute(db)
  await sql`
    CREATE FUNCTION analytics_payments_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM analytics_payment_days;
      DELETE FROM analytics_span_days;
      DELETE FROM analytics_customer_spans;
      RETURN NULL;
    END
    $$`.execute(db)
  await sql`CREATE TRIGGER analytics_payments_inserted AFTER INSERT ON payments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_payments_inserted()`.execute(
    db,
  )
  await sql`CREATE TRIGGER analytics_payments_updated AFTER UPDATE ON payments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_payments_updated()`.execute(
    db,
  )
  await sql`CREATE TRIGGER analytics_payments_deleted AFTER DELETE ON payments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_payments_deleted()`.execute(
    db,
  )
  await sql`CREATE TRIGGER analytics_payments_truncated AFTER TRUNCATE ON payments FOR EACH STATEMENT EXECUTE FUNCTION analytics_payments_truncated()`.execute(
    db,
  )

  // A customer moving to another country takes their rows along (payments keep their customer).
  await sql`
    CREATE FUNCTION analytics_customers_updated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                     WHERE o.country IS DISTINCT FROM n.country) THEN
        RETURN NULL;
      END IF;
      WITH moved AS (
        SELECT n.id, o.country AS old_country, n.country AS new_country
        FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.country IS DISTINCT FROM n.country
      ),
      x AS (
        SELECT ch.*, v.country, v.sign AS moved_sign
        FROM moved mv
        CROSS JOIN LATERAL (SELECT (analytics_payment_change_of(1, p)).* FROM payments p
          WHERE p.customer_id = mv.id AND (p.counted OR p.status = 'failed')) ch
        CROSS JOIN LATERAL (VALUES (mv.old_country, -1), (mv.new_country, 1)) v (country, sign)
      )
      INSERT INTO analytics_payment_days
        (merchant_id, day, grain, asset, network, country, attributed, payments, priced, revenue, volume, failed)
      SELECT x.merchant_id, x.day, CASE WHEN grouping(x.asset) = 1 THEN 2 ELSE 3 END,
        x.asset, x.network, x.country, true,
        coalesce(sum(x.moved_sign) FILTER (WHERE x.counted), 0),
        coalesce(sum(x.moved_sign) FILTER (WHERE x.counted AND x.fiat_value IS NOT NULL), 0),
        coalesce(sum(x.moved_sign * x.fiat_value) FILTER (WHERE x.counted), 0),
        coalesce(sum(x.moved_sign * x.volume) FILTER (WHERE x.counted), 0),
        coalesce(sum(x.moved_sign) FILTER (WHERE x.failed), 0)
      FROM x
      GROUP BY GROUPING SETS ((x.merchant_id, x.day, x.country),
        (x.merchant_id, x.day, x.asset, x.network, x.country));

      WITH moved AS (
        SELECT n.id, o.country AS old_country, n.country AS new_country
        FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.country IS DISTINCT FROM n.country
      ),
      spans AS (
        UPDATE analytics_customer_spans s SET country = mv.new_country FROM moved mv
        WHERE s.customer_id = mv.id
        RETURNING s.merchant_id, s.first_day, s.second_day, s.penult_day, s.last_day, mv.old_country,
          mv.new_country
      )
      INSERT INTO analytics_span_days (merchant_id, country, kind, day, customers)
      SELECT s.merchant_id, coalesce(c.country, ''), k.kind, k.day, sum(c.sign)::integer
      FROM spans s
      CROSS JOIN LATERAL (VALUES (s.old_country, -1), (s.new_country, 1)) c (country, sign)
      CROSS JOIN LATERAL (VALUES ('f', s.first_day), ('s', s.second_day), ('p', s.penult_day),
        ('l', s.last_day)) k (kind, day)
      WHERE k.day IS NOT NULL
      GROUP BY s.merchant_id, c.country, k.kind, k.day
      HAVING sum(c.sign) <> 0;
      RETURN NULL;
    END
    $$`.execute(db)
  await sql`CREATE TRIGGER analytics_customers_updated AFTER UPDATE ON customers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_customers_updated()`.execute(
    db,
  )

  // Segment counts (modules/segments): a country condition reads customer ids from an index (no heap),
  // and "paid within the last N days" with a lifetime value condition (recency and value, the usual pair)
  // reads customer_stats from one; the two meet in a hash join instead of a probe per customer.
  await sql`CREATE INDEX customers_country_idx ON customers (merchant_id, country) INCLUDE (id) WHERE deleted_at IS NULL`.execute(
    db,
  )
  await sql`CREATE INDEX customer_stats_recency_idx ON customer_stats (merchant_id, last_payment_at) INCLUDE (customer_id, lifetime_value)`.execute(
    db,
  )

  // Backfill every merchant from the payments already there.
  await sql`SELECT analytics_rebuild(id) FROM merchants`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS customer_stats_recency_idx`.execute(db)
  await sql`DROP INDEX IF EXISTS customers_country_idx`.execute(db)
  await sql`DROP TRIGGER IF EXISTS analytics_customers_updated ON customers`.execute(db)
  for (const t of ['inserted', 'updated', 'deleted', 'truncated']) {
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(`analytics_payments_${t}`)} ON payments`.execute(db)
    await sql`DROP FUNCTION IF EXISTS ${sql.raw(`analytics_payments_${t}`)}()`.execute(db)
  }
  await sql`DROP FUNCTION IF EXISTS analytics_customers_updated()`.execute(db)
  await sql`DROP FUNCTION IF EXISTS analytics_rebuild(uuid)`.execute(db)
  await sql`DROP FUNCTION IF EXISTS analytics_compact(uuid)`.execute(db)
  await sql`DROP FUNCTION IF EXISTS analytics_apply_payment_changes(analytics_payment_change[])`.execute(db)
  await sql`DROP FUNCTION IF EXISTS analytics_payment_change_of(integer, payments)`.execute(db)
  await sql`DROP TYPE IF EXISTS analytics_payment_change`.execute(db)
  await sql`DROP TABLE IF EXISTS analytics_span_days`.execute(db)
  await sql`DROP TABLE IF EXISTS analytics_customer_spans`.execute(db)
  await sql`DROP TABLE IF EXISTS analytics_payment_days`.execute(db)
}
