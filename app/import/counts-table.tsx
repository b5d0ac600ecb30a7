import { Table, Td, Th } from "../components/ui";

export const COUNT_LABELS: Record<string, string> = { client: "客户", contract: "合同", payment: "回款", cost: "运营成本" };

type Counts = Partial<Record<string, { created: number; updated: number; unchanged: number }>>;

/** Created, updated and unchanged records per kind of record of one import. */
export function CountsTable({ counts }: { counts: Counts }) {
  const rows = Object.entries(counts);
  if (rows.length === 0) return <p className="text-sm text-slate-500">没有要写入的记录。</p>;
  return (
    <Table>
      <thead>
        <tr>
          <Th>对象</Th>
          <Th numeric>新建</Th>
          <Th numeric>更新</Th>
          <Th numeric>无变化</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([entity, value]) => (
          <tr key={entity}>
            <Td>{COUNT_LABELS[entity] ?? entity}</Td>
            <Td numeric>{value!.created}</Td>
            <Td numeric>{value!.updated}</Td>
            <Td numeric>{value!.unchanged}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
