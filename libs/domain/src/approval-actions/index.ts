// Issue 17's approval actions beside 同意/不同意. 催办, 抄送, 委托代理 here; 退回, 撤回, 加签 join them.
export * from './cc';
export * from './proxy';
export * from './urge';
export * from './allowed';
export * from './countersign';
export * from './return';
export * from './withdraw';
export * from './revert';
export * from './available';
