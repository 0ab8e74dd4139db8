/** Small helpers over the `yaml` package's nodes, shared by reading and writing. */
import { isScalar, type YAMLMap } from 'yaml';

export function getNode(m: YAMLMap, key: string): unknown {
  return m.get(key, true) as unknown;
}

export function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}
