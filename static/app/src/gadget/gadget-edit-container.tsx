/**
 * The gadget's edit view container: projects to pick from, the draft, validation (schema, then resolver),
 * view.submit.
 */
import { view } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';
import { ResolverCallError } from '../api/invoke-client';
import { listProjects, validateGadgetConfig, type ProjectOption } from '../api/gadget-api';
import { checkDraft, draftFrom } from './gadget-config-draft';
import { GadgetEditForm, type DraftField, type GadgetDraft } from './gadget-edit-form';

export function GadgetEditContainer({ saved }: { saved: unknown }) {
  const [draft, setDraft] = useState<GadgetDraft>(() => draftFrom(saved));
  const [projects, setProjects] = useState<ProjectOption[] | null>(null);
  const [projectsError, setProjectsError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const loadProjects = useCallback(() => {
    setProjectsError(null);
    listProjects().then(setProjects, (e: unknown) =>
      setProjectsError(e instanceof ResolverCallError ? e.message : 'Projects could not be loaded.'),
    );
  }, []);
  useEffect(loadProjects, [loadProjects]);
  const onChange = (field: DraftField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const onSubmit = async () => {
    setFormError(null);
    const checked = checkDraft(draft);
    if (!checked.ok) { setErrors(checked.errors); return; }
    setErrors({});
    setSaving(true);
    try {
      const config = await validateGadgetConfig(checked.config);
      await view.submit(config);
    } catch (e) {
      setFormError(
        e instanceof ResolverCallError ? e.message : 'Jira could not save the configuration. Try again.',
      );
    } finally {
      setSaving(false);
    }
  };
  return (
    <GadgetEditForm
      draft={draft}
      projects={projects}
      projectsError={projectsError}
      errors={errors}
      formError={formError}
      saving={saving}
      onChange={onChange}
      onRetryProjects={loadProjects}
      onSubmit={() => void onSubmit()}
    />
  );
}
