import type { Selectable } from 'kysely'
import type { SegmentsTable } from '../../../db/database.js'
import type { SegmentDto } from '../schema.js'

export function presentSegment(row: Selectable<SegmentsTable>): SegmentDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    rule: row.rule as SegmentDto['rule'],
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}
