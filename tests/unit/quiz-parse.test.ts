import { describe, expect, it } from 'vitest';
import { checkAnswer } from '@/lib/quiz/check';
import { parseQuiz, QuizError } from '@/lib/quiz/parse';

const lesson = {
  slug: 'demo',
  folder: '09-demo',
  sections: [
    { id: 'cost' as const, title: 'Cost', html: '' },
    { id: 'explanation' as const, title: 'Explanation', html: '' },
  ],
  fieldGuide: [{ name: 'finish_reason', anchor: 'field-finish_reason', summary: '' }],
  errorGuide: [{ name: 'RateLimitError', anchor: 'error-ratelimiterror', summary: '' }],
};

const QUIZ = `
questions:
  - id: pick
    kind: single
    source: field-finish_reason
    prompt: "Which \`finish_reason\` means cut off?"
    hint: "Think of a ceiling."
    explanation: "EXPLAIN-PICK: a ceiling was hit."
    options:
      - { id: stop, text: "\`stop\`", explanation: "EXPLAIN-STOP" }
      - { id: length, text: "\`length\`", correct: true, explanation: "EXPLAIN-LENGTH" }
  - id: price
    kind: numeric
    source: cost
    unit: usd
    prompt: "Cost of 1,000 in and 500 out on gpt-4o?"
    hint: "Two prices."
    explanation: "It is {{cost gpt-4o 1000 500}}."
    answer: { cost: { model: gpt-4o, input: 1000, output: 500 } }
  - id: words
    kind: text
    source: error-ratelimiterror
    prompt: "Which code means out of credit?"
    hint: "Billing."
    explanation: "EXPLAIN-WORDS"
    modelAnswer: "MODEL-ANSWER insufficient_quota"
    rubric:
      accepted: [insufficient_quota]
      misconceptions: [{ any: [rate_limit_exceeded], feedback: "MISCONCEPTION-FEEDBACK" }]
    tests:
      right: ["insufficient_quota TEST-ANSWER-RIGHT"]
      wrong: ["TEST-ANSWER-WRONG", { answer: "rate_limit_exceeded TEST-ANSWER-MISCONCEPTION", misconception: 0 }]
challenges:
  - id: cut
    title: Cut it short
    source: field-finish_reason
    prompt: "Make it stop early."
    hint: "Lower the cap."
    rule: { kind: finish_reason, equals: length }
`;

describe('parseQuiz', () => {
  it('gives the browser prompts, options and hints, and nothing that tells the answer', async () => {
    const quiz = await parseQuiz(QUIZ, lesson);
    const client = JSON.stringify(quiz.client);
    expect(client).toContain('Which <code>finish_reason</code> means cut off?');
    expect(client).toContain('Think of a ceiling.');
    for (const secret of ['EXPLAIN', 'MODEL-ANSWER', 'MISCONCEPTION', 'insufficient_quota', 'correct', 'rule', '0.0075', 'rubric', 'TEST-ANSWER']) {
      expect(client).not.toContain(secret);
    }
    expect(quiz.client.questions[0]).toEqual({
      id: 'pick',
      kind: 'single',
      promptHtml: expect.any(String),
      hintHtml: expect.any(String),
      options: [
        { id: 'stop', html: '<code>stop</code>' },
        { id: 'length', html: '<code>length</code>' },
      ],
    });
    expect(quiz.outline).toEqual({ lesson: 'demo', questions: ['pick', 'price', 'words'], challenges: ['cut'] });
  });

  it('expands price placeholders from the catalog', async () => {
    const quiz = await parseQuiz(QUIZ, lesson);
    expect(quiz.html.get('price')).toContain('$0.0075');
  });

  it.each([
    ['a source that is not on the page', QUIZ.replace('source: cost', 'source: pricing'), /price\.source: "#pricing" is not an anchor/],
    ['two right answers to a single choice', QUIZ.replace('{ id: stop, text: "`stop`", explanation', '{ id: stop, text: "`stop`", correct: true, explanation'), /exactly one correct option/],
    ['an option id that gives the answer away', QUIZ.replace('id: length,', 'id: correct,'), /must not say whether the option is right/],
    ['a duplicate id', QUIZ.replace('id: words', 'id: pick'), /unique/],
    ['a rubric with nothing to match', QUIZ.replace('accepted: [insufficient_quota]', 'accepted: []'), /accepted phrasings or key ideas/],
    ['a model missing from the catalog', QUIZ.replace('model: gpt-4o,', 'model: gpt-9,'), /gpt-9/],
    ['a missing hint', QUIZ.replace('    hint: "Billing."\n', ''), /questions\.2\.hint/],
    ['a placeholder typo', QUIZ.replace('{{cost gpt-4o 1000 500}}', '{{price gpt-4o}}'), /unknown placeholder/],
    ['broken YAML', 'questions: [', /not valid YAML/],
  ])('refuses %s, naming the file', async (_, source, message) => {
    const error = await parseQuiz(source, lesson).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuizError);
    expect((error as QuizError).message).toMatch(/^lessons\/09-demo\/quiz\.yaml: /);
    expect((error as QuizError).message).toMatch(message);
  });
});

describe('checkAnswer', () => {
  it('explains only the chosen option after a wrong choice, and every option after a right one', async () => {
    const quiz = await parseQuiz(QUIZ, lesson);
    const wrong = checkAnswer(quiz, { question: 'pick', answer: 'stop' });
    expect(wrong).toMatchObject({ status: 'answered', correct: false, source: { href: '/lessons/demo#field-finish_reason', title: 'Field guide: finish_reason' } });
    expect(wrong && 'options' in wrong && wrong.options?.map((o) => o.id)).toEqual(['stop']);
    expect(JSON.stringify(wrong)).not.toContain('EXPLAIN-LENGTH');

    const right = checkAnswer(quiz, { question: 'pick', answer: ['length'] });
    expect(right).toMatchObject({ status: 'answered', correct: true });
    expect(right && 'options' in right && right.options?.map((o) => [o.id, o.correct])).toEqual([
      ['stop', false],
      ['length', true],
    ]);
  });

  it('answers a wrong free-text attempt with the misconception feedback only; the model answer comes once right', async () => {
    const quiz = await parseQuiz(QUIZ, lesson);
    const result = checkAnswer(quiz, { question: 'words', answer: 'rate_limit_exceeded' });
    expect(result).toMatchObject({ status: 'answered', correct: false });
    expect(JSON.stringify(result)).toContain('MISCONCEPTION-FEEDBACK');
    expect(JSON.stringify(result)).not.toContain('MODEL-ANSWER');
    expect(JSON.stringify(result)).not.toContain('EXPLAIN-WORDS');
    const right = checkAnswer(quiz, { question: 'words', answer: 'Insufficient_Quota' });
    expect(right).toMatchObject({ correct: true, explanationHtml: expect.stringContaining('EXPLAIN-WORDS'), modelAnswerHtml: expect.stringContaining('MODEL-ANSWER') });
  });

  it('never sends the explanation after a wrong attempt of any kind', async () => {
    const quiz = await parseQuiz(QUIZ, lesson);
    for (const [question, answer] of [['pick', 'stop'], ['price', '1'], ['words', 'no idea']] as const) {
      const result = JSON.stringify(checkAnswer(quiz, { question, answer }));
      expect(result, question).toContain('"correct":false');
      expect(result, question).not.toMatch(/EXPLAIN-PICK|EXPLAIN-WORDS|explanationHtml|modelAnswerHtml|\$0\.0075/);
    }
  });

  it('reveals the explanation, every option and the model answer on request, as shown and not right', async () => {
    const quiz = await parseQuiz(QUIZ, lesson);
    expect(checkAnswer(quiz, { question: 'pick', reveal: true })).toMatchObject({
      status: 'revealed',
      correct: false,
      explanationHtml: expect.stringContaining('EXPLAIN-PICK'),
      options: [{ id: 'stop', correct: false }, { id: 'length', correct: true }],
    });
    expect(checkAnswer(quiz, { question: 'price', reveal: true })).toMatchObject({ status: 'revealed', modelAnswerHtml: '<p>Exactly $0.0075.</p>' });
    expect(checkAnswer(quiz, { question: 'words', reveal: true })).toMatchObject({ status: 'revealed', modelAnswerHtml: expect.stringContaining('MODEL-ANSWER') });
  });

  it('gives the exact value of a numeric answer only once it is right', async () => {
    const quiz = await parseQuiz(QUIZ, lesson);
    expect(JSON.stringify(checkAnswer(quiz, { question: 'price', answer: '0.01' }))).not.toContain('Exactly');
    expect(checkAnswer(quiz, { question: 'price', answer: '$0.0075' })).toMatchObject({ correct: true, modelAnswerHtml: '<p>Exactly $0.0075.</p>' });
    expect(checkAnswer(quiz, { question: 'price', answer: 'cheap' })).toMatchObject({ status: 'unreadable' });
  });

  it('knows no question it was not given', async () => {
    const quiz = await parseQuiz(QUIZ, lesson);
    expect(checkAnswer(quiz, { question: 'nope', answer: 'x' })).toBeUndefined();
  });
});
