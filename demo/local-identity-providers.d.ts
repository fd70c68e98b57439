export function localProviderEndpoints(gateway: string): Record<'google' | 'apple' | 'facebook' | 'twitter' | 'telegram' | 'metamask', string>;
