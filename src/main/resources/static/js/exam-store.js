/*
 * The exam page's outbox in IndexedDB: every answer change and every proctoring event is written here first, then
 * sent to the server in the order written, and deleted only once the server has answered. It survives a refresh, a
 * crash and a lost network. Where IndexedDB is unavailable the outbox lives in the page only (persistent = false),
 * and the page says so instead of claiming the answers are kept on the computer.
 */
window.ExamStore = (function () {
  'use strict';

  var DB_NAME = 'cabr-exam';
  var DB_VERSION = 1;

  function run(db, stores, mode, work) {
    return new Promise(function (resolve, reject) {
      var tx = db.transaction(stores, mode);
      var result;
      tx.oncomplete = function () { resolve(result); };
      tx.onerror = tx.onabort = function () { reject(tx.error || new Error('IndexedDB transaction failed')); };
      work(tx, function (value) { result = value; });
    });
  }

  function indexed(db) {
    return {
      persistent: true,
      /** Adds an entry to the outbox and remembers the last client sequence used, in one transaction. */
      add: function (number, entry, lastSequence) {
        return run(db, ['outbox', 'meta'], 'readwrite', function (tx, done) {
          entry.number = number;
          tx.objectStore('outbox').add(entry).onsuccess = function (e) { done(e.target.result); };
          tx.objectStore('meta').put({ key: 'seq:' + number, value: lastSequence });
        });
      },
      list: function (number) {
        return run(db, ['outbox'], 'readonly', function (tx, done) {
          tx.objectStore('outbox').index('number').getAll(number).onsuccess = function (e) {
            done(e.target.result.sort(function (a, b) { return a.id - b.id; }));
          };
        });
      },
      remove: function (id) {
        return run(db, ['outbox'], 'readwrite', function (tx) { tx.objectStore('outbox').delete(id); });
      },
      lastSequence: function (number) {
        return run(db, ['meta'], 'readonly', function (tx, done) {
          tx.objectStore('meta').get('seq:' + number).onsuccess = function (e) {
            done(e.target.result ? e.target.result.value : 0);
          };
        });
      }
    };
  }

  function memory() {
    var entries = [];
    var sequences = {};
    var nextId = 1;
    return {
      persistent: false,
      add: function (number, entry, lastSequence) {
        entry.number = number;
        entry.id = nextId++;
        entries.push(entry);
        sequences[number] = lastSequence;
        return Promise.resolve(entry.id);
      },
      list: function (number) {
        return Promise.resolve(entries.filter(function (e) { return e.number === number; }).slice());
      },
      remove: function (id) {
        entries = entries.filter(function (e) { return e.id !== id; });
        return Promise.resolve();
      },
      lastSequence: function (number) {
        return Promise.resolve(sequences[number] || 0);
      }
    };
  }

  function open() {
    return new Promise(function (resolve) {
      if (!window.indexedDB) {
        return resolve(memory());
      }
      var request;
      try {
        request = indexedDB.open(DB_NAME, DB_VERSION);
      } catch (e) {
        return resolve(memory());
      }
      request.onupgradeneeded = function () {
        var db = request.result;
        db.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true }).createIndex('number', 'number');
        db.createObjectStore('meta', { keyPath: 'key' });
      };
      request.onsuccess = function () { resolve(indexed(request.result)); };
      request.onerror = function () { resolve(memory()); };
      request.onblocked = function () { resolve(memory()); };
    });
  }

  return { open: open };
})();
