package cn.cabr.carbon.adjudication;

import org.springframework.data.jpa.repository.JpaRepository;

interface AppealWindowRepository extends JpaRepository<AppealWindow, Long> {
}
