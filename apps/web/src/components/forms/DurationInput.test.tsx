import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import '../../i18n';
import { DurationInput } from './DurationInput';

describe('DurationInput', () => {
  it('shows P10D as 10 自然日 and sends ISO again when the amount changes', () => {
    const onChange = vi.fn();
    render(<DurationInput id="due" value="P10D" onChange={onChange} />);
    const amount = screen.getByRole('spinbutton') as HTMLInputElement;
    expect(amount.value).toBe('10');
    expect(screen.getByText('自然日')).toBeTruthy();
    expect(screen.queryByDisplayValue('P10D')).toBeNull();
    fireEvent.change(amount, { target: { value: '12' } });
    expect(onChange).toHaveBeenLastCalledWith('P12D');
  });

  it('shows PT12H in hours and {workingDays} in working days', () => {
    const { unmount } = render(<DurationInput value="PT12H" onChange={vi.fn()} />);
    expect((screen.getByRole('spinbutton') as HTMLInputElement).value).toBe('12');
    expect(screen.getByText('小时')).toBeTruthy();
    unmount();
    render(<DurationInput value={{ workingDays: 5 }} workingDays onChange={vi.fn()} />);
    expect((screen.getByRole('spinbutton') as HTMLInputElement).value).toBe('5');
    expect(screen.getByText('工作日')).toBeTruthy();
  });

  it('keeps what one unit cannot say as ISO text', () => {
    const onChange = vi.fn();
    render(<DurationInput value="P1DT12H" onChange={onChange} />);
    expect(screen.queryByRole('spinbutton')).toBeNull();
    const text = screen.getByDisplayValue('P1DT12H');
    fireEvent.change(text, { target: { value: 'P2DT1H' } });
    expect(onChange).toHaveBeenLastCalledWith('P2DT1H');
  });

  it('keeps the amount when the unit changes: 10 天 becomes 10 工作日', () => {
    const onChange = vi.fn();
    const { container } = render(<DurationInput value="P10D" workingDays onChange={onChange} />);
    fireEvent.mouseDown(within(container).getByRole('combobox'));
    fireEvent.click(screen.getByTitle('工作日'));
    expect(onChange).toHaveBeenLastCalledWith({ workingDays: 10 });
  });
});
