import { ButtonLink, EmptyState } from "../components/ui";

export default function ContractNotFound() {
  return (
    <EmptyState title="找不到这份合同">
      <p className="mb-3">地址中的合同编号不存在，可能已输错或链接已过期。</p>
      <ButtonLink href="/clients">返回客户列表</ButtonLink>
    </EmptyState>
  );
}
