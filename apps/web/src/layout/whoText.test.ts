import { describe, expect, it } from 'vitest';
import { whoText } from './whoText';

describe('the header names who is signed in', () => {
  it('says the role once, keeping what it adds to the department in the name', () => {
    expect(whoText('科技处 李明', '科技处（统筹）')).toBe('科技处 李明 · 统筹');
    expect(whoText('企业服务专员 陈静', '企业服务专员')).toBe('企业服务专员 陈静');
  });

  it('adds the role where the name does not carry it, and in English', () => {
    expect(whoText('统筹员', '科技处（统筹）')).toBe('统筹员 · 科技处（统筹）');
    expect(whoText('渝北区经信委 赵强', '区县经信部门')).toBe('渝北区经信委 赵强 · 区县经信部门');
    expect(whoText('科技处 李明', 'City coordinator')).toBe('科技处 李明 · City coordinator');
    expect(whoText('李明', undefined)).toBe('李明');
  });
});
