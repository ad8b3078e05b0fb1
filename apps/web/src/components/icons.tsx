/**
 * The app's icons, each decorative unless named: @ant-design/icons renders every icon as
 * `<span role="img" aria-label="save">`, so a screen reader announced 保存为新版本 as
 * "save 保存为新版本" and a menu as "dashboard 驾驶舱" — English in a Chinese UI. An icon from here is
 * `aria-hidden` (the text beside it names its control); an icon-only control names the icon, or
 * itself, from the locale files: `<SearchOutlined aria-label={t('actions.search')} />`.
 * eslint allows @ant-design/icons only here; antd's own icons are given in controlLabels.tsx.
 */
import * as Antd from '@ant-design/icons';
import { type ComponentProps, type ForwardRefExoticComponent, type RefAttributes, forwardRef } from 'react';

type Icon = ForwardRefExoticComponent<
  Omit<ComponentProps<typeof Antd.SaveOutlined>, 'ref'> & RefAttributes<HTMLSpanElement>
>;

/** `icon`, hidden from assistive technology unless given an `aria-label`. */
function decorative(icon: Icon, name: string): Icon {
  const Shown = icon;
  const Decorative = forwardRef<HTMLSpanElement, ComponentProps<Icon>>(function Decorative(props, ref) {
    return <Shown ref={ref} aria-hidden={props['aria-label'] ? undefined : true} {...props} />;
  });
  Decorative.displayName = name;
  return Decorative;
}

export const ApartmentOutlined = decorative(Antd.ApartmentOutlined, 'ApartmentOutlined');
export const AuditOutlined = decorative(Antd.AuditOutlined, 'AuditOutlined');
export const BellOutlined = decorative(Antd.BellOutlined, 'BellOutlined');
export const CalendarOutlined = decorative(Antd.CalendarOutlined, 'CalendarOutlined');
export const CloseCircleFilled = decorative(Antd.CloseCircleFilled, 'CloseCircleFilled');
export const CopyOutlined = decorative(Antd.CopyOutlined, 'CopyOutlined');
export const CloseOutlined = decorative(Antd.CloseOutlined, 'CloseOutlined');
export const ClusterOutlined = decorative(Antd.ClusterOutlined, 'ClusterOutlined');
export const DashboardOutlined = decorative(Antd.DashboardOutlined, 'DashboardOutlined');
export const DoubleLeftOutlined = decorative(Antd.DoubleLeftOutlined, 'DoubleLeftOutlined');
export const DoubleRightOutlined = decorative(Antd.DoubleRightOutlined, 'DoubleRightOutlined');
export const DownloadOutlined = decorative(Antd.DownloadOutlined, 'DownloadOutlined');
export const DownOutlined = decorative(Antd.DownOutlined, 'DownOutlined');
export const EllipsisOutlined = decorative(Antd.EllipsisOutlined, 'EllipsisOutlined');
export const FileAddOutlined = decorative(Antd.FileAddOutlined, 'FileAddOutlined');
export const FilterOutlined = decorative(Antd.FilterOutlined, 'FilterOutlined');
export const InboxOutlined = decorative(Antd.InboxOutlined, 'InboxOutlined');
export const LeftOutlined = decorative(Antd.LeftOutlined, 'LeftOutlined');
export const KeyOutlined = decorative(Antd.KeyOutlined, 'KeyOutlined');
export const LockOutlined = decorative(Antd.LockOutlined, 'LockOutlined');
export const LogoutOutlined = decorative(Antd.LogoutOutlined, 'LogoutOutlined');
export const MenuOutlined = decorative(Antd.MenuOutlined, 'MenuOutlined');
export const MinusCircleOutlined = decorative(Antd.MinusCircleOutlined, 'MinusCircleOutlined');
export const PaperClipOutlined = decorative(Antd.PaperClipOutlined, 'PaperClipOutlined');
export const PlayCircleOutlined = decorative(Antd.PlayCircleOutlined, 'PlayCircleOutlined');
export const PlusOutlined = decorative(Antd.PlusOutlined, 'PlusOutlined');
export const PrinterOutlined = decorative(Antd.PrinterOutlined, 'PrinterOutlined');
export const RightOutlined = decorative(Antd.RightOutlined, 'RightOutlined');
export const SafetyCertificateOutlined = decorative(
  Antd.SafetyCertificateOutlined,
  'SafetyCertificateOutlined',
);
export const SafetyOutlined = decorative(Antd.SafetyOutlined, 'SafetyOutlined');
export const SaveOutlined = decorative(Antd.SaveOutlined, 'SaveOutlined');
export const SearchOutlined = decorative(Antd.SearchOutlined, 'SearchOutlined');
export const SettingOutlined = decorative(Antd.SettingOutlined, 'SettingOutlined');
export const ShopOutlined = decorative(Antd.ShopOutlined, 'ShopOutlined');
export const SoundOutlined = decorative(Antd.SoundOutlined, 'SoundOutlined');
export const TeamOutlined = decorative(Antd.TeamOutlined, 'TeamOutlined');
export const UnorderedListOutlined = decorative(Antd.UnorderedListOutlined, 'UnorderedListOutlined');
export const UpOutlined = decorative(Antd.UpOutlined, 'UpOutlined');
export const UploadOutlined = decorative(Antd.UploadOutlined, 'UploadOutlined');
export const UserOutlined = decorative(Antd.UserOutlined, 'UserOutlined');
export const WarningFilled = decorative(Antd.WarningFilled, 'WarningFilled');
export const CheckCircleFilled = decorative(Antd.CheckCircleFilled, 'CheckCircleFilled');
export const CheckOutlined = decorative(Antd.CheckOutlined, 'CheckOutlined');
export const ExclamationCircleFilled = decorative(Antd.ExclamationCircleFilled, 'ExclamationCircleFilled');
export const InfoCircleFilled = decorative(Antd.InfoCircleFilled, 'InfoCircleFilled');
export const DeleteOutlined = decorative(Antd.DeleteOutlined, 'DeleteOutlined');
export const LoadingOutlined = decorative(Antd.LoadingOutlined, 'LoadingOutlined');
export const SwapRightOutlined = decorative(Antd.SwapRightOutlined, 'SwapRightOutlined');
