package cn.cabr.carbon.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine side of the publication benchmark (profile {@code benchmark} only, never in production): puts prepared
 * cases where they wait for the scores' publication without running them through review and exam, and runs the
 * baseline of plain message correlation on the same engine.
 */
@Component
@Profile("benchmark")
public class PublicationBenchmarkProcesses {

    /** The baseline process: waits for the same message as a case, then one asynchronous no-op step. */
    public static final String PLAIN_PROCESS_KEY = "BenchmarkPlainPublication";
    static final String PLAIN_RESOURCE = "benchmark/PlainPublication.bpmn";
    private static final int CHUNK = 200;

    /** One prepared case: its ids and the outcome its result already has. */
    public record PreparedCase(long applicationId, String applicationNumber, long candidateId, long sittingId,
            String outcome) {
    }

    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final TransactionTemplate transaction;

    PublicationBenchmarkProcesses(RuntimeService runtimeService, RepositoryService repositoryService,
            TransactionTemplate transaction) {
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.transaction = transaction;
    }

    /**
     * Moves the session's process (started at the first milestone when the session was created) to where it waits
     * for the scores' publication: the earlier milestones are recorded by the caller, not run through the process.
     */
    public void awaitScoresPublished(String sessionCode) {
        ProcessInstance session = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(SessionVariables.PROCESS_KEY).processInstanceBusinessKey(sessionCode).singleResult();
        runtimeService.createProcessInstanceModification(session.getId())
                .cancelAllForActivity("EventGateway_AwaitApplicationsClosed")
                .startBeforeActivity("EventGateway_AwaitScoresPublished")
                .execute(true, true);
    }

    /** Starts every case at the catch event of SCORES_PUBLISHED, in chunks on a few threads. */
    public void startCasesAwaitingPublication(long sessionId, List<PreparedCase> cases, int threads) {
        inChunks(cases.size(), threads, (from, to) -> {
            for (PreparedCase c : cases.subList(from, to)) {
                runtimeService.createProcessInstanceByKey(CaseVariables.PROCESS_KEY).businessKey(c.applicationNumber())
                        .setVariables(Variables.createVariables()
                                .putValue(CaseVariables.CANDIDATE_ID, c.candidateId())
                                .putValue(CaseVariables.APPLICATION_ID, c.applicationId())
                                .putValue(CaseVariables.SESSION_ID, sessionId)
                                .putValue(CaseVariables.SITTING_ID, c.sittingId())
                                .putValue(CaseVariables.RESULT_OUTCOME, c.outcome()))
                        .startBeforeActivity("Event_ScoresPublished")
                        .execute(true, true);
            }
        });
    }

    /** Deploys the baseline process (once) and starts {@code count} instances waiting under {@code plainSessionId}. */
    public void startPlainCases(long plainSessionId, int count, int threads) {
        repositoryService.createDeployment().name("benchmark-plain-publication").addClasspathResource(PLAIN_RESOURCE)
                .enableDuplicateFiltering(true).deploy();
        inChunks(count, threads, (from, to) -> {
            for (int i = from; i < to; i++) {
                runtimeService.startProcessInstanceByKey(PLAIN_PROCESS_KEY, "plain-" + i,
                        Variables.createVariables().putValue(CaseVariables.SESSION_ID, plainSessionId));
            }
        });
    }

    /**
     * The baseline's trigger: the same correlation {@link ReachMilestoneDelegate} makes for a session's cases, in
     * one transaction. Returns how many instances moved on.
     */
    public int correlatePlainCases(long plainSessionId) {
        return transaction.execute(status -> runtimeService
                .createMessageCorrelation(SessionVariables.caseMessage(cn.cabr.carbon.session.Milestone.SCORES_PUBLISHED))
                .processInstanceVariableEquals(CaseVariables.SESSION_ID, plainSessionId)
                .correlateAllWithResult().size());
    }

    private interface Chunk {
        void run(int from, int to);
    }

    private void inChunks(int size, int threads, Chunk chunk) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int from = 0; from < size; from += CHUNK) {
                int start = from;
                int end = Math.min(size, from + CHUNK);
                futures.add(pool.submit(() -> transaction.executeWithoutResult(status -> chunk.run(start, end))));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Preparing the benchmark's process instances failed", e);
        } finally {
            pool.shutdown();
        }
    }
}
