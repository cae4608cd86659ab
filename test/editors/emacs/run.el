;;; run.el --- test driver for test/editors/emacs.test.ts  -*- lexical-binding: t -*-

;; Run after init.el:
;;   TBS_FILE=/tmp/x/report.radreport TBS_OUT=/tmp/x/out.json \
;;   emacs --batch -l test/editors/emacs/init.el -l test/editors/emacs/run.el
;; Environment:
;;   TBS_FILE        report to open (a copy: it is saved after the code action)
;;   TBS_OUT         JSON result file
;;   TBS_FIX         rule id whose quick-fix to apply; "auto" (default) = the first missing-*
;;                   diagnostic, "none" = apply nothing
;;   TBS_INIT        optional JSON that replaces :initializationOptions of the init.el entry
;;   TBS_WORKSPACE   optional JSON: the tbsReport section of `eglot-workspace-configuration'
;;   TBS_TIMEOUT_MS  how long to wait for each server answer (default 8000)
;; Writes {emacs, eglot, languageId, mode, initial, action?, after?, error?} and exits 0, or 1 on any
;; failure (the reason is in "error").  Eglot is driven the way the command loop would: find-file
;; runs the mode hook (eglot-ensure), then post-command-hook connects; diagnostics arrive through
;; eglot's own publishDiagnostics handler; the quick-fix is chosen from `eglot-code-actions' and run
;; by eglot's executor; `save-buffer' sends the change (didChange + didSave).
;; Written for Eglot 1.9 (Debian 12): it uses Eglot internals (`eglot--range-region',
;; `eglot--read-execute-code-action', `eglot--diagnostics', `eglot--versioned-identifier') that newer
;; Eglot releases may rename.

(require 'cl-lib)
(require 'eglot)

(defvar tbs--out (or (getenv "TBS_OUT") (error "TBS_OUT not set")))
(defvar tbs--timeout (/ (string-to-number (or (getenv "TBS_TIMEOUT_MS") "8000")) 1000.0))
(defvar tbs--result nil "The result, a plist serialised with `json-serialize'.")
(defvar tbs--received nil "publishDiagnostics params as received, newest first.")

(defun tbs--put (key value)
  (setq tbs--result (plist-put tbs--result key value)))

(defun tbs--finish (code)
  (with-temp-file tbs--out
    (insert (json-serialize tbs--result)))
  (kill-emacs code))

(defun tbs--wait (pred what)
  "Process server output until PRED returns non-nil; error after `tbs--timeout' seconds."
  (let ((deadline (+ (float-time) tbs--timeout)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    (or (funcall pred)
        (error "Timed out after %s s waiting for %s (%d publishDiagnostics received)"
               tbs--timeout what (length tbs--received)))))

;; Record every publishDiagnostics exactly as received; eglot's own handler runs next.
(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &rest params)
  (push params tbs--received))

(defun tbs--shown ()
  "The diagnostics Eglot keeps for Flymake, back in LSP form (code and range)."
  (let ((diags (or eglot--diagnostics (flymake-diagnostics))))
    (vconcat
     (mapcar (lambda (d)
               (let ((lsp (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d)))))
                 (list :code (plist-get lsp :code)
                       :range (list :start (eglot--pos-to-lsp-position (flymake-diagnostic-beg d))
                                    :end (eglot--pos-to-lsp-position (flymake-diagnostic-end d))))))
             diags))))

(defun tbs--diagnostics-for-current-version (what)
  (let* ((path (file-truename buffer-file-name))
         (version eglot--versioned-identifier)
         found)
    (tbs--wait (lambda ()
                 (setq found
                       (cl-find-if (lambda (p)
                                     (and (equal (plist-get p :version) version)
                                          (equal (file-truename (eglot--uri-to-path (plist-get p :uri))) path)))
                                   tbs--received)))
               what)
    ;; Eglot's handler runs right after the recording method.
    (list :version version
          :diagnostics (plist-get found :diagnostics)
          :shown (tbs--shown))))

(defun tbs--run ()
  (let ((file (or (getenv "TBS_FILE") (error "TBS_FILE not set")))
        (fix (or (getenv "TBS_FIX") "auto"))
        (init (getenv "TBS_INIT"))
        (workspace (getenv "TBS_WORKSPACE")))
    (tbs--put :emacs emacs-version)
    (tbs--put :eglot (let ((lib (locate-library "eglot")))
                       (if (and lib (string-match "eglot-\\([0-9.]+\\)" lib)) (match-string 1 lib) "built-in")))
    (when (and init (not (string-empty-p init)))
      (setcdr (assq 'radiology-report-mode eglot-server-programs)
              `(,@tbs-report-server-command
                :initializationOptions ,(json-parse-string init :object-type 'plist))))
    (when (and workspace (not (string-empty-p workspace)))
      (setq-default eglot-workspace-configuration
                    (list :tbsReport (json-parse-string workspace :object-type 'plist))))
    (find-file file)
    (tbs--put :mode (symbol-name major-mode))
    ;; The command loop would run post-command-hook now; that is when `eglot-ensure' connects.
    (run-hooks 'post-command-hook)
    (let ((buffer (current-buffer))
          server)
      (tbs--wait (lambda ()
                   (with-current-buffer buffer
                     (and eglot--managed-mode (setq server (eglot-current-server)))))
                 "Eglot to manage the buffer")
      (tbs--put :languageId (eglot--language-id server))
      (let* ((initial (tbs--diagnostics-for-current-version "the opened report"))
             (target (cl-find-if (lambda (d)
                                   (let ((code (plist-get d :code)))
                                     (if (equal fix "auto")
                                         (string-prefix-p "missing-" code)
                                       (equal code fix))))
                                 (plist-get initial :diagnostics))))
        (tbs--put :initial initial)
        (when (and (not (member fix '("auto" "none"))) (not target))
          (error "No %s diagnostic to fix" fix))
        (when (and target (not (equal fix "none")))
          (let* ((code (plist-get target :code))
                 (region (eglot--range-region (plist-get target :range)))
                 (actions (eglot-code-actions (car region) (cdr region) "quickfix"))
                 (chosen (cl-find-if
                          (lambda (a)
                            (cl-some (lambda (d) (equal (plist-get d :code) code))
                                     (plist-get a :diagnostics)))
                          actions)))
            (unless chosen
              (error "No quick-fix for %s among %d actions" code (length actions)))
            (tbs--put :action (list :code code
                                    :title (plist-get chosen :title)
                                    :kind (plist-get chosen :kind)
                                    :edit (plist-get chosen :edit)
                                    :count (length actions)))
            ;; One action of the requested kind: Eglot runs it without asking.
            (eglot--read-execute-code-action (list chosen) server "quickfix")
            (save-buffer)
            (tbs--put :after (tbs--diagnostics-for-current-version "the edited report")))))
      (ignore-errors (eglot-shutdown server nil 3)))))

(condition-case err
    (progn
      (tbs--run)
      (tbs--finish 0))
  (error
   (tbs--put :error (error-message-string err))
   (tbs--finish 1)))

;;; run.el ends here
