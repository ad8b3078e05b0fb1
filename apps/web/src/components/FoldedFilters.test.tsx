import { act, render, screen } from '@testing-library/react';
import { Input } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import { fastUser } from '../test/open-page';
import { FoldedFilters } from './FoldedFilters';
import { resizeWindow } from '../test/media';

const desktop = window.innerWidth;

function at(width: number, count: number) {
  act(() => resizeWindow(width));
  return render(
    <FoldedFilters count={count} testId="toggle">
      <Input aria-label="企业" data-testid="filter" />
    </FoldedFilters>,
  );
}

describe('filters folded behind one button on a phone', () => {
  afterEach(() => {
    act(() => resizeWindow(desktop));
  });

  it('shows the filters as they are on a wide screen, with no button', () => {
    at(1440, 2);
    expect(screen.getByTestId('filter')).toBeVisible();
    expect(screen.queryByTestId('toggle')).toBeNull();
  });

  it('on a 390 px screen, hides them behind a button that counts those set, and keeps what was typed', async () => {
    const user = fastUser();
    at(390, 2);
    const toggle = screen.getByTestId('toggle');
    expect(toggle).toHaveTextContent('筛选 · 已设 2 项');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByTestId('filter')).not.toBeVisible();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.type(screen.getByLabelText('企业'), '芯测');
    await user.click(toggle);
    expect(screen.getByTestId('filter')).not.toBeVisible();
    await user.click(toggle);
    expect(screen.getByLabelText('企业')).toHaveValue('芯测');
  });

  it('says 筛选 alone when nothing is set', () => {
    at(390, 0);
    expect(screen.getByTestId('toggle')).toHaveTextContent(/^筛\s*选$/);
  });
});
