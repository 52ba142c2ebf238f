import { useTranslation } from 'react-i18next'

import { StatusBadge } from '~/components/list'

/** A material's review status, said in words (nothing for an approved one). */
export function MaterialStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('plan')
  if (status === 'approved') return null
  return (
    <StatusBadge tone={status === 'pending' ? 'warn' : 'bad'}>{t(`materialStatus.${status}`)}</StatusBadge>
  )
}
