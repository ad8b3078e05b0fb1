import { CloseCircleFilled } from '@ant-design/icons';
import { InputNumber, InputNumberProps } from 'antd';
import {
  type ComponentRef,
  type ReactNode,
  forwardRef,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
} from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A clear button's name in the page's language. antd's Select named its hidden clear button
 * "Clear" and Input's was named by its icon, "close-circle", in Chinese as in English: pass this as
 * `allowClear` (Select and Input alike; `allowClear={!required && clear}` where it depends).
 */
export function useClearable(): { clearIcon: ReactNode; label: string } {
  const { t } = useTranslation();
  const label = t('actions.clear');
  return useMemo(() => ({ clearIcon: <CloseCircleFilled aria-label={label} />, label }), [label]);
}

/**
 * antd's InputNumber, its step arrows (shown on hover) named 增加 / 减少: rc-input-number names them
 * "Increase Value" / "Decrease Value" in every language and takes no label. React leaves an attribute
 * it rendered unchanged alone, so the names set here stay.
 */
type InputNumberRef = ComponentRef<typeof InputNumber>;

export const NumberInput = forwardRef<InputNumberRef, InputNumberProps<number>>(function NumberInput(props, ref) {
  const { t } = useTranslation();
  const own = useRef<InputNumberRef>(null);
  useImperativeHandle(ref, () => own.current!, []);
  useEffect(() => {
    const root = own.current?.nativeElement;
    root?.querySelector('.ant-input-number-action-up')?.setAttribute('aria-label', t('actions.increase'));
    root?.querySelector('.ant-input-number-action-down')?.setAttribute('aria-label', t('actions.decrease'));
  });
  return <InputNumber<number> ref={own} {...props} />;
});
