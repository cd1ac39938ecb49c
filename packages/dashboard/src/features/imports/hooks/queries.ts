import type { RunImportInput } from '@coinbook/api/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type CustomerImport, getImport, type ImportOptions, runImport, uploadImport } from '../api'

export const importKeys = {
  detail: (id: string) => ['imports', id] as const,
}

/** Whether the API is still working on an import (poll it). */
export const isWorking = (imp: CustomerImport | undefined) =>
  imp?.status === 'queued' || imp?.status === 'running'

/** An import, polled twice a second while it is queued or running. */
export function useImport(id: string | null) {
  const client = useQueryClient()
  return useQuery({
    queryKey: importKeys.detail(id ?? ''),
    queryFn: async ({ signal }) => {
      const imp = await getImport(id ?? '', signal)
      // Customers changed: lists and profiles read them again.
      if (imp.status === 'completed') void client.invalidateQueries({ queryKey: ['customers'] })
      return imp
    },
    enabled: id !== null,
    // A finished import only changes when it is run again, and that run's answer updates the cache.
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: (query) => (isWorking(query.state.data) ? 500 : false),
  })
}

export function useUploadImport() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ file, options }: { file: File; options: ImportOptions }) => uploadImport(file, options),
    onSuccess: (imp) => client.setQueryData(importKeys.detail(imp.id), imp),
  })
}

export function useRunImport(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: RunImportInput) => runImport(id, input),
    onSuccess: (imp) => {
      client.setQueryData(importKeys.detail(imp.id), imp)
      if (imp.status === 'completed') void client.invalidateQueries({ queryKey: ['customers'] })
    },
  })
}
