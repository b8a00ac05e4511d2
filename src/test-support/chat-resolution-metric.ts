/** A client's own metric (kind Metric) that several tests apply: the share of handled chats resolved. */
export const CHAT_RESOLUTION = `apiVersion: covenant/v1
kind: Metric
metadata: { name: chat_resolution }
spec:
  label: { singular: chat resolution rate, plural: chat resolution rates }
  description: handled chats resolved
  dataset: interactions
  type: share
  where: "channel = 'chat' and not abandoned"
  numerator: resolved
  direction: higher
`;
