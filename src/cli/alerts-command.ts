export function registerAlerts(_p: import('commander').Command): void {}
