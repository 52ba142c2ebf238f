import { getCollectionProps, getInputProps, getSelectProps } from '@conform-to/react'
import { useTranslation } from 'react-i18next'

import { type ActionFields, type ActionFormOptions, Required } from '~/components/action-form-fields'
import { ErrorList, Field, SelectField } from '~/components/forms'
import { channelOfLink, inferChannel, typeGroup } from '~/models/actions/channel-from-link'
import { useFormat } from '~/utils/format'

// The type-first part of the quick action form (components/action-form.tsx): the type as large
// buttons, then only the fields that type needs. Which fields show is plain CSS (`.quick-form` in
// styles/tailwind.css, on `data-group` and `data-quick`), so it works before and without
// JavaScript; opening "More details" shows them all.

type Entry = ActionFormOptions['types'][number]

/** The commonest types, offered as large buttons; the others sit under "Other types". */
const commonTypeKeys = ['social_post', 'presentation', 'press', 'conference_talk', 'web_news', 'newsletter']

function useEntryLabel() {
  const { t } = useTranslation('actions')
  return (e: { labelKey: string | null; name: string }) => (e.labelKey ? t(e.labelKey) : e.name)
}

const radioCard =
  'flex cursor-pointer items-center gap-2 rounded-lg border-2 border-slate-300 bg-white px-3 font-medium has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500'

/** The type: radio inputs drawn as large buttons, the partner's last type already chosen. */
export function TypeChoice({ fields, options }: { fields: ActionFields; options: ActionFormOptions }) {
  const { t } = useTranslation('actions')
  const label = useEntryLabel()
  const byId = new Map(options.types.map((e) => [String(e.id), e]))
  const common = commonTypeKeys
    .map((key) => options.types.find((e) => e.key === key))
    .filter((e): e is Entry => !!e)
  const radios = getCollectionProps(fields.typeId, {
    type: 'radio',
    options: [...common, ...options.types.filter((e) => !common.includes(e))].map((e) => String(e.id)),
  })
  const chosen = String(fields.typeId.value ?? fields.typeId.initialValue ?? '')
  const isCommon = (id: string) => common.some((e) => String(e.id) === id)
  const radio = (props: (typeof radios)[number], big: boolean) => {
    const entry = byId.get(props.value)!
    return (
      <label
        key={props.key}
        className={`${radioCard} ${big ? 'min-h-[3.25rem] text-sm' : 'min-h-[2.75rem] text-sm font-normal'}`}
      >
        <input {...props} key={props.key} data-group={typeGroup(entry.key)} className="h-5 w-5 shrink-0" />
        <span>{label(entry)}</span>
      </label>
    )
  }
  return (
    <fieldset aria-describedby={fields.typeId.errors?.length ? fields.typeId.errorId : undefined}>
      <legend className="label">
        <Required>{t('fields.typeId')}</Required>
      </legend>
      <div className="grid grid-cols-2 gap-2">
        {radios.filter((p) => isCommon(p.value)).map((p) => radio(p, true))}
      </div>
      {radios.some((p) => !isCommon(p.value)) ? (
        <details className="mt-2" open={!!chosen && byId.has(chosen) && !isCommon(chosen)}>
          <summary className="flex min-h-[2.75rem] cursor-pointer items-center text-sm text-brand-700">
            {t('quick.otherTypes')}
          </summary>
          <div className="mt-1 flex flex-wrap gap-2">
            {radios.filter((p) => !isCommon(p.value)).map((p) => radio(p, false))}
          </div>
        </details>
      ) : null}
      <ErrorList id={fields.typeId.errorId} errors={fields.typeId.errors} />
    </fieldset>
  )
}

/** With JavaScript, says which channel the link gives when the channel is left empty. */
function ChannelFromLinkNote({ fields, options }: { fields: ActionFields; options: ActionFormOptions }) {
  const { t } = useTranslation('actions')
  const label = useEntryLabel()
  const link = typeof fields.evidenceUrl.value === 'string' ? fields.evidenceUrl.value : ''
  if (!link || fields.channelId.value || !channelOfLink(link)) return null
  const typeKey = options.types.find((e) => String(e.id) === String(fields.typeId.value))?.key
  const channel = options.channels.find((e) => e.key === inferChannel({ link, typeKey }))
  if (!channel) return null
  return (
    <p className="hint" aria-live="polite">
      {t('quick.channelFromLink', { channel: label(channel) })}
    </p>
  )
}

/**
 * What the chosen type needs: the link (a post, an article, a web page), the event and the people
 * in the room (a talk). `data-quick` lists the type groups each field belongs to.
 */
export function TypeFields({ fields, options }: { fields: ActionFields; options: ActionFormOptions }) {
  const { t } = useTranslation('actions')
  const f = useFormat()
  return (
    <>
      <div data-quick="social press web other">
        <Field
          label={t('fields.evidenceUrl')}
          hint={t('fields.evidenceHint')}
          {...getInputProps(fields.evidenceUrl, { type: 'url' })}
          placeholder="https://"
          inputMode="url"
          autoCapitalize="none"
          errors={fields.evidenceUrl.errors}
        />
        <ChannelFromLinkNote fields={fields} options={options} />
        <p className="hint" data-quick="press">
          {t('quick.outletHint')}
        </p>
      </div>
      {options.events.length ? (
        <div data-quick="talk other">
          <SelectField
            label={t('fields.eventId')}
            {...getSelectProps(fields.eventId)}
            placeholder={t('none')}
            options={options.events.map((e) => ({
              value: e.id,
              label: `${e.title} (${f.date(e.startDate)})`,
            }))}
            errors={fields.eventId.errors}
          />
        </div>
      ) : null}
      <div data-quick="talk other">
        <Field
          label={t('fields.participants')}
          {...getInputProps(fields.participants, { type: 'number' })}
          min={0}
          step={1}
          inputMode="numeric"
          errors={fields.participants.errors}
        />
      </div>
    </>
  )
}
