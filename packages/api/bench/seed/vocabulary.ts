import { isPaymentOption } from '@coinbook/chain-watchers/registry'

/** `{ a: 3, b: 1 }` as a weight table for `Rng.weighted`: 'a' comes three times as often as 'b'. */
export const table = <K extends string>(weights: Record<K, number>) =>
  Object.entries(weights) as [K, number][]

const list = (s: string) => s.split(',')

export const GLOBAL_DOMAINS = table({
  'gmail.com': 40,
  'outlook.com': 12,
  'proton.me': 10,
  'yahoo.com': 8,
  'icloud.com': 8,
  'hotmail.com': 6,
})
export const STATUSES = table({ active: 82, inactive: 13, suspended: 5 })
export const TYPES = table({ individual: 70, business: 25, organization: 5 })
export const TAG_COUNTS = table({ 0: 45, 1: 30, 2: 17, 3: 8 })
export const TAGS = table({
  newsletter: 12,
  vip: 6,
  referral: 6,
  wholesale: 5,
  'early-adopter': 5,
  beta: 4,
  reseller: 4,
  defi: 4,
  partner: 3,
  'at-risk': 3,
  enterprise: 3,
  nft: 3,
  'high-volume': 3,
})
/** Payment terms in days ('none': the merchant's default). */
export const TERMS = {
  business: table({ none: 30, 15: 20, 30: 35, 45: 5, 60: 10 }),
  individual: table({ none: 90, 15: 5, 30: 5 }),
}
export const PREFERENCE_COUNTS = table({ 1: 60, 2: 30, 3: 10 })
/** Preferred coins, by popularity; anything the registry does not accept is dropped. */
export const COINS = table({
  'USDT/tron': 25,
  'BTC/bitcoin': 20,
  'ETH/ethereum': 12,
  'USDT/ethereum': 10,
  'USDC/ethereum': 8,
  'USDC/solana': 8,
  'SOL/solana': 5,
  'TON/ton': 4,
  'BNB/bsc': 3,
  'USDT/bsc': 3,
  'ETH/arbitrum': 2,
  'USDC/arbitrum': 2,
}).filter(([pair]) => {
  const [asset, network] = pair.split('/') as [string, string]
  return isPaymentOption(asset, network)
})

export const WORDS = list(
  'Blue,Harbor,Nova,Atlas,Pixel,Summit,Iron,Cedar,Quantum,Lumen,Orbit,Vertex,Granite,Silver,Bright,North,Coral,Apex',
)
export const NOUNS = list(
  'Labs,Digital,Trading,Studio,Ventures,Systems,Goods,Supply,Media,Games,Partners,Capital,Works,Commerce,Ledger',
)
export const ORG_KINDS = list('Foundation,DAO,Association,Collective,Institute,Club,Cooperative')
export const TITLES = list(
  'CEO,Founder,CTO,CFO,Head of Finance,Accountant,Procurement Manager,Operations Lead,Software Engineer,Store Owner',
)
export const HANDLES = list('moon,sat,hodl,byte,node,block,alpha,pixel,zen,orbit')
export const NOTES = [
  'Prefers USDT on Tron for the low fees.',
  'Asked for monthly invoices instead of per order.',
  'Met at a conference; interested in the wholesale tier.',
  'Pays late but always pays. Send the reminder a week early.',
  'Handle personally: long-standing customer.',
  'Requested net 30 terms, approved by finance.',
  'Ships to a warehouse; billing address differs.',
  'Referred by a partner.',
]
