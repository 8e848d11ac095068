package cn.cabr.carbon.calendar;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CalendarDayRepository extends JpaRepository<CalendarDay, LocalDate> {

    List<CalendarDay> findByDateBetweenOrderByDate(LocalDate from, LocalDate to);

    boolean existsByDateBetween(LocalDate from, LocalDate to);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from CalendarDay d where d.date between ?1 and ?2")
    int deleteBetween(LocalDate from, LocalDate to);
}
