import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely'

/**
 * Makes an UPDATE of one table that sets one column throw, as if the process died right before it:
 * whatever the open transaction wrote is rolled back, exactly as after a crash. `seen` counts the
 * statements that ran before, so a test can show the crash came after real writes.
 */
export class CrashingPlugin implements KyselyPlugin {
  seen: string[] = []

  constructor(
    private readonly table: string,
    private readonly column: string,
  ) {}

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x))
    // A raw statement is known by its first words ('raw: insert into payments'), a built one by its kind.
    this.seen.push(
      node.kind === 'RawNode'
        ? `raw: ${node.sqlFragments.join(' ').trim().split(/\s+/).slice(0, 3).join(' ').toLowerCase()}`
        : node.kind,
    )
    if (
      node.kind === 'UpdateQueryNode' &&
      json(node.table).includes(`"${this.table}"`) &&
      json(node.updates ?? []).includes(`"${this.column}"`)
    ) {
      throw new Error(`simulated crash before updating ${this.table}`)
    }
    return node
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result
  }
}
