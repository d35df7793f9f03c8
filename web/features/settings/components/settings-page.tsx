import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { formatInstant } from '../../../lib/format-date.ts';
import { useSettings } from '../../../lib/reads/settings.ts';
import { ContactsForm } from './contacts-form.tsx';
import { EligibilityQuestionsEditor } from './eligibility-questions-editor.tsx';
import { InterestVocabularyForm } from './interest-vocabulary-form.tsx';
import { LetterSignerForm } from './letter-signer-form.tsx';
import { MatchRulesForm } from './match-rules-form.tsx';
import { ParticipantChoiceForm } from './participant-choice-form.tsx';
import { ProgramDetailsForm } from './program-details-form.tsx';
import { ProgramGoalsEditor } from './program-goals-editor.tsx';
import { BackupsSection } from './backups-section.tsx';
import { SurveySettingsForm } from './survey-settings-form.tsx';

export function SettingsPage() {
  const settings = useSettings();
  return (
    <Page
      title="Settings"
      intro={
        <p>
          Shape the program to fit your organisation. Each section saves on its own, so you can change one thing without touching the rest.
        </p>
      }
    >
      {settings.isPending ? <Loading label="Loading settings…" /> : null}
      {settings.isError ? <LoadError error={settings.error} what="the settings" onRetry={() => void settings.refetch()} /> : null}
      {settings.data ? (
        <>
          <p className="muted small">Last changed {formatInstant(settings.data.updatedAt)}.</p>
          <Card title="Program details">
            <ProgramDetailsForm settings={settings.data} />
          </Card>
          <Card title="Matches and goal sheets">
            <p className="muted">
              These set the rhythm of each match: when the goal sheet is due, how long a pair can ask for a new partner, and how they might
              stay in touch.
            </p>
            <MatchRulesForm settings={settings.data} />
          </Card>
          <Card title="When mentees choose their mentor">
            <p className="muted">
              In periods where mentees choose, each mentee asks from their suggested mentors and the mentor accepts or declines. Choose how
              each period’s pairs are made on its page under Periods.
            </p>
            <ParticipantChoiceForm settings={settings.data} />
          </Card>
        </>
      ) : null}
      <Card title="Program goals">
        <p className="muted">
          Pairs tie their own goals to these, and applicants say which ones matter to them. The order here is the order people see. Retire a
          goal you no longer offer: it stays attached to past goal sheets but isn’t offered for new ones.
        </p>
        <ProgramGoalsEditor />
      </Card>
      {settings.data ? (
        <>
          <Card title="Eligibility questions">
            <p className="muted">
              Applicants answer these yes-or-no questions when they apply. For each one, say who is asked and which answer, if any, a person
              needs to give to take part.
            </p>
            <EligibilityQuestionsEditor settings={settings.data} />
          </Card>
          <Card title="Suggested interests">
            <p className="muted">
              As applicants type their interests (mentees) or areas of expertise (mentors), the form suggests these. One shared list keeps
              both sides in the same words, which helps matching. People can still write their own.
            </p>
            <InterestVocabularyForm settings={settings.data} />
          </Card>
          <Card title="Contacts">
            <p className="muted">
              The people participants can write to. Their names and e-mail addresses appear in match pages and e-mails.
            </p>
            <ContactsForm settings={settings.data} />
          </Card>
          <Card title="Evaluation surveys">
            <p className="muted">
              Mentors and mentees answer surveys in confidence. The task force and staff see results only for groups of people large enough
              that no one can be picked out.
            </p>
            <SurveySettingsForm settings={settings.data} />
          </Card>
          <Card title="Recognition letters">
            <p className="muted">
              Mentors who complete a match year can download a letter thanking them for their service. Name the person who signs it.
            </p>
            <LetterSignerForm settings={settings.data} />
          </Card>
        </>
      ) : null}
      <BackupsSection />
    </Page>
  );
}
