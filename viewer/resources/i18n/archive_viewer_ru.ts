<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>About</name>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>Тексты</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Страницы</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Аннотации</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Требуют проверки</translation>
    </message>
    <message>
        <source>About {name}</source>
        <translation>О программе {name}</translation>
    </message>
    <message>
        <source>Read, search and annotate historical documents, offline.</source>
        <translation>Чтение, поиск и аннотирование исторических документов без подключения к интернету.</translation>
    </message>
    <message>
        <source>Archive: {path}</source>
        <translation>Архив: {path}</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New Archive…</source>
        <translation>&amp;Новый архив…</translation>
    </message>
    <message>
        <source>Make a new, empty archive file and open it</source>
        <translation>Создать новый пустой файл архива и открыть его</translation>
    </message>
    <message>
        <source>&amp;Open Archive…</source>
        <translation>&amp;Открыть архив…</translation>
    </message>
    <message>
        <source>Open another archive file</source>
        <translation>Открыть другой файл архива</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <source>Import text files or folders into this archive</source>
        <translation>Импортировать текстовые файлы или папки в этот архив</translation>
    </message>
    <message>
        <source>&amp;Attach Scan…</source>
        <translation>П&amp;рикрепить скан…</translation>
    </message>
    <message>
        <source>Attach a PDF or an image (JPEG, PNG, TIFF) as the open document&apos;s scan</source>
        <translation>Прикрепить PDF или изображение (JPEG, PNG, TIFF) как скан открытого документа</translation>
    </message>
    <message>
        <source>&amp;Export Annotated PDF…</source>
        <translation>&amp;Экспорт PDF с аннотациями…</translation>
    </message>
    <message>
        <source>Export documents with their annotations as a PDF</source>
        <translation>Экспортировать документы с аннотациями в PDF</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>Закрыть окно</translation>
    </message>
    <message>
        <source>Copy &amp;Citation</source>
        <translation>Копировать &amp;ссылку</translation>
    </message>
    <message>
        <source>Copy the full citation of the open document</source>
        <translation>Скопировать полную библиографическую ссылку на открытый документ</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Найти…</translation>
    </message>
    <message>
        <source>Search the full text of the archive</source>
        <translation>Полнотекстовый поиск по архиву</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Найти &amp;далее</translation>
    </message>
    <message>
        <source>Go to the next search hit in the open document</source>
        <translation>К следующему совпадению в открытом документе</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>Найти &amp;ранее</translation>
    </message>
    <message>
        <source>Go to the previous search hit in the open document</source>
        <translation>К предыдущему совпадению в открытом документе</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Крупнее</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Крупнее текст</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Мельче</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Мельче текст</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Обычный размер</translation>
    </message>
    <message>
        <source>Text at its usual size</source>
        <translation>Текст обычного размера</translation>
    </message>
    <message>
        <source>&amp;Side by Side</source>
        <translation>&amp;Параллельно</translation>
    </message>
    <message>
        <source>Original and translation next to each other</source>
        <translation>Оригинал и перевод рядом</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Хронология</translation>
    </message>
    <message>
        <source>Show or hide the timeline</source>
        <translation>Показать или скрыть хронологию</translation>
    </message>
    <message>
        <source>&amp;Previous Document</source>
        <translation>&amp;Предыдущий документ</translation>
    </message>
    <message>
        <source>Open the document above in the list</source>
        <translation>Открыть документ выше по списку</translation>
    </message>
    <message>
        <source>&amp;Next Document</source>
        <translation>&amp;Следующий документ</translation>
    </message>
    <message>
        <source>Open the document below in the list</source>
        <translation>Открыть документ ниже по списку</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>&amp;Скан</translation>
    </message>
    <message>
        <source>Show the scan</source>
        <translation>Показать скан</translation>
    </message>
    <message>
        <source>T&amp;ranscript</source>
        <translation>&amp;Расшифровка</translation>
    </message>
    <message>
        <source>Show the transcript</source>
        <translation>Показать расшифровку</translation>
    </message>
    <message>
        <source>Tra&amp;nslation</source>
        <translation>П&amp;еревод</translation>
    </message>
    <message>
        <source>Show the translation</source>
        <translation>Показать перевод</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Сведения</translation>
    </message>
    <message>
        <source>Show every field of the document</source>
        <translation>Показать все поля документа</translation>
    </message>
    <message>
        <source>&amp;About Archive Viewer</source>
        <translation>&amp;О программе Archive Viewer</translation>
    </message>
    <message>
        <source>Version and archive statistics</source>
        <translation>Версия и статистика архива</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>Undo the last change (annotations, corrections, tags, deletions)</source>
        <translation>Отменить последнее изменение (аннотации, исправления, метки, удаления)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Redo the change just undone</source>
        <translation>Повторить только что отменённое изменение</translation>
    </message>
    <message>
        <source>&amp;Highlight Selection</source>
        <translation>&amp;Выделить цветом</translation>
    </message>
    <message>
        <source>Highlight the selected words with the chosen colour</source>
        <translation>Выделить выбранные слова выбранным цветом</translation>
    </message>
    <message>
        <source>&amp;Annotations</source>
        <translation>&amp;Аннотации</translation>
    </message>
    <message>
        <source>Show or hide the list of annotations</source>
        <translation>Показать или скрыть список аннотаций</translation>
    </message>
    <message>
        <source>&amp;Edit Details…</source>
        <translation>Изменить с&amp;ведения…</translation>
    </message>
    <message>
        <source>Correct the fields of the open document</source>
        <translation>Исправить поля открытого документа</translation>
    </message>
    <message>
        <source>Correct &amp;Text…</source>
        <translation>Исправить &amp;текст…</translation>
    </message>
    <message>
        <source>Correct the transcript or translation shown</source>
        <translation>Исправить показанную расшифровку или перевод</translation>
    </message>
    <message>
        <source>&amp;Tag Selected…</source>
        <translation>&amp;Метка для выбранных…</translation>
    </message>
    <message>
        <source>Add or remove a tag on the selected documents</source>
        <translation>Добавить или снять метку у выбранных документов</translation>
    </message>
    <message>
        <source>Set &amp;Field on Selected…</source>
        <translation>&amp;Поле для выбранных…</translation>
    </message>
    <message>
        <source>Give one field the same value on the selected documents</source>
        <translation>Задать одному полю одно значение у выбранных документов</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Move the selected documents to the trash</source>
        <translation>Переместить выбранные документы в корзину</translation>
    </message>
    <message>
        <source>&amp;People…</source>
        <translation>&amp;Люди…</translation>
    </message>
    <message>
        <source>People and organisations: aliases, merge, kind</source>
        <translation>Люди и организации: варианты имён, объединение, вид</translation>
    </message>
    <message>
        <source>&amp;Mark Reviewed</source>
        <translation>Отметить как п&amp;роверенные</translation>
    </message>
    <message>
        <source>The selected documents no longer need review</source>
        <translation>Выбранные документы больше не требуют проверки</translation>
    </message>
    <message>
        <source>T&amp;rash…</source>
        <translation>&amp;Корзина…</translation>
    </message>
    <message>
        <source>Deleted documents: restore them or empty the trash</source>
        <translation>Удалённые документы: восстановить их или очистить корзину</translation>
    </message>
    <message>
        <source>&amp;Review Queue</source>
        <translation>&amp;Очередь проверки</translation>
    </message>
    <message>
        <source>Documents that need review, with the reasons</source>
        <translation>Документы, требующие проверки, с причинами</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;История</translation>
    </message>
    <message>
        <source>Show or hide the history of the open document</source>
        <translation>Показать или скрыть историю открытого документа</translation>
    </message>
    <message>
        <source>&amp;Collections</source>
        <translation>&amp;Подборки</translation>
    </message>
    <message>
        <source>Show or hide the collections (the kiosk&apos;s lessons)</source>
        <translation>Показать или скрыть подборки (уроки для киоска)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>П&amp;ереход</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Архив</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
</context>
<context>
    <name>Annotating</name>
    <message>
        <source>Annotations</source>
        <translation>Аннотации</translation>
    </message>
    <message>
        <source>&amp;Undo {change}</source>
        <translation>&amp;Отменить: {change}</translation>
    </message>
    <message>
        <source>&amp;Redo {change}</source>
        <translation>&amp;Повторить: {change}</translation>
    </message>
    <message>
        <source>The annotations could not be matched to the re-imported text: {reason}</source>
        <translation>Аннотации не удалось сопоставить с заново импортированным текстом: {reason}</translation>
    </message>
    <message>
        <source>Could not {what}: {reason}.</source>
        <translation>Не удалось {what}: {reason}.</translation>
    </message>
    <message>
        <source>Your note is still in the box: press Save note to try again.</source>
        <translation>Ваша заметка осталась в поле: нажмите «Сохранить заметку», чтобы попробовать снова.</translation>
    </message>
    <message>
        <source>Saving… waiting for the archive (another program is writing to it)</source>
        <translation>Сохранение… ожидание архива (в него пишет другая программа)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Select words in the Transcript or Translation tab to highlight them</source>
        <translation>Выделите слова на вкладке «Расшифровка» или «Перевод», чтобы отметить их цветом</translation>
    </message>
    <message>
        <source>Turn off Side by side to highlight words</source>
        <translation>Выключите параллельный показ, чтобы выделять слова</translation>
    </message>
    <message>
        <source>Select some words first</source>
        <translation>Сначала выделите слова</translation>
    </message>
    <message>
        <source>add the highlight</source>
        <translation>добавить выделение</translation>
    </message>
    <message>
        <source>add the rectangle</source>
        <translation>добавить прямоугольник</translation>
    </message>
    <message>
        <source>add the pin</source>
        <translation>добавить метку-заметку</translation>
    </message>
    <message>
        <source>add the {shape}</source>
        <translation>добавить {shape}</translation>
    </message>
    <message>
        <source>save the note</source>
        <translation>сохранить заметку</translation>
    </message>
    <message>
        <source>delete the annotation</source>
        <translation>удалить аннотацию</translation>
    </message>
</context>
<context>
    <name>AnnotationsPane</name>
    <message>
        <source>Highlight colour</source>
        <translation>Цвет выделения</translation>
    </message>
    <message>
        <source>Colour of new highlights and shapes</source>
        <translation>Цвет новых выделений и фигур</translation>
    </message>
    <message>
        <source>Highlight selection</source>
        <translation>Выделить цветом</translation>
    </message>
    <message>
        <source>Highlight the selected words (Ctrl+H)</source>
        <translation>Выделить выбранные слова (Ctrl+H)</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Прямоугольник</translation>
    </message>
    <message>
        <source>Draw a rectangle on the scan</source>
        <translation>Нарисовать прямоугольник на скане</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Pin a note to a point of the scan</source>
        <translation>Прикрепить заметку к точке скана</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Аннотации</translation>
    </message>
    <message>
        <source>Click an annotation to go to it; Delete removes it</source>
        <translation>Щёлкните аннотацию, чтобы перейти к ней; Delete удаляет её</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Note for the selected annotation</source>
        <translation>Заметка к выбранной аннотации</translation>
    </message>
    <message>
        <source>The note of the selected annotation; Save note keeps it</source>
        <translation>Заметка к выбранной аннотации; «Сохранить заметку» сохраняет её</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Сохранить заметку</translation>
    </message>
    <message>
        <source>Keep the note of the selected annotation (undo with Ctrl+Z)</source>
        <translation>Сохранить заметку к выбранной аннотации (отмена — Ctrl+Z)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation>Удалить аннотацию</translation>
    </message>
    <message>
        <source>Delete the selected annotation (Delete)</source>
        <translation>Удалить выбранную аннотацию (Delete)</translation>
    </message>
    <message>
        <source>Select words in the transcript or translation and press Ctrl+H, or draw on the scan with the rectangle and pin tools.</source>
        <translation>Выделите слова в расшифровке или переводе и нажмите Ctrl+H либо рисуйте на скане прямоугольником и меткой.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <source>Hide when a document has none</source>
        <translation>Скрывать, если их нет</translation>
    </message>
    <message>
        <source>Hide the annotations when a document has none</source>
        <translation>Скрывать аннотации, если у документа их нет</translation>
    </message>
    <message>
        <source>Fold this pane away for documents without annotations (View ▸ Annotations shows it)</source>
        <translation>Сворачивать эту панель у документов без аннотаций (Вид ▸ Аннотации показывает её)</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Расшифровка</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Перевод</translation>
    </message>
    <message>
        <source>highlight</source>
        <translation>выделение</translation>
    </message>
    <message>
        <source>rectangle</source>
        <translation>прямоугольник</translation>
    </message>
    <message>
        <source>pinned note</source>
        <translation>заметка-метка</translation>
    </message>
    <message>
        <source>Page {page}, {shape}</source>
        <translation>Страница {page}, {shape}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>needs review</source>
        <translation>требует проверки</translation>
    </message>
    <message>
        <source>the text changed on re-import; check it</source>
        <translation>текст изменился при повторном импорте; проверьте</translation>
    </message>
</context>
<context>
    <name>Bulk</name>
    <message>
        <source>the document</source>
        <translation>документ</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Не сохранено: {reason}</translation>
    </message>
</context>
<context>
    <name>Changes</name>
    <message>
        <source>Not saved ({operation}): {reason}</source>
        <translation>Не сохранено ({operation}): {reason}</translation>
    </message>
</context>
<context>
    <name>CollectionsPane</name>
    <message>
        <source>Collection</source>
        <translation>Подборка</translation>
    </message>
    <message>
        <source>The collection shown below (the kiosk shows each as a lesson)</source>
        <translation>Подборка, показанная ниже (киоск показывает каждую как урок)</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Новая…</translation>
    </message>
    <message>
        <source>Make a new collection</source>
        <translation>Создать новую подборку</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Название…</translation>
    </message>
    <message>
        <source>Give the collection another title</source>
        <translation>Дать подборке другое название</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete the collection (not its documents)</source>
        <translation>Удалить подборку (но не её документы)</translation>
    </message>
    <message>
        <source>Documents of the collection</source>
        <translation>Документы подборки</translation>
    </message>
    <message>
        <source>In the order the kiosk shows them; drag to reorder, double-click to open</source>
        <translation>В порядке показа в киоске; перетащите, чтобы изменить порядок, двойной щелчок — открыть</translation>
    </message>
    <message>
        <source>Add selected</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Add the documents selected in the list</source>
        <translation>Добавить документы, выбранные в списке</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Take the chosen documents out</source>
        <translation>Убрать выбранные документы</translation>
    </message>
    <message>
        <source>Move the chosen document up</source>
        <translation>Переместить выбранный документ выше</translation>
    </message>
    <message>
        <source>Move the chosen document down</source>
        <translation>Переместить выбранный документ ниже</translation>
    </message>
    <message>
        <source>Name: {name}</source>
        <translation>Имя: {name}</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>без даты</translation>
    </message>
    <message>
        <source>No collections yet. Make one with New…, then add documents selected in the list.</source>
        <translation>Подборок пока нет. Создайте подборку кнопкой «Новая…», затем добавьте документы, выбранные в списке.</translation>
    </message>
    <message>
        <source>This collection is empty: select documents in the list and press Add selected.</source>
        <translation>Подборка пуста: выберите документы в списке и нажмите «Добавить выбранные».</translation>
    </message>
    <message>
        <source>{change} was not saved: {reason}</source>
        <translation>{change}: не сохранено: {reason}</translation>
    </message>
    <message>
        <source>New Collection</source>
        <translation>Новая подборка</translation>
    </message>
    <message>
        <source>Title of the new collection:</source>
        <translation>Название новой подборки:</translation>
    </message>
    <message>
        <source>Make collection “{title}”</source>
        <translation>Создать подборку «{title}»</translation>
    </message>
    <message>
        <source>Rename Collection</source>
        <translation>Переименовать подборку</translation>
    </message>
    <message>
        <source>New title:</source>
        <translation>Новое название:</translation>
    </message>
    <message>
        <source>Rename collection to “{title}”</source>
        <translation>Переименовать подборку в «{title}»</translation>
    </message>
    <message>
        <source>Delete Collection</source>
        <translation>Удалить подборку</translation>
    </message>
    <message>
        <source>Delete the collection “{title}”? Its documents stay in the archive; Edit ▸ Undo brings the collection back.</source>
        <translation>Удалить подборку «{title}»? Её документы останутся в архиве; Правка ▸ Отменить вернёт подборку.</translation>
    </message>
    <message>
        <source>Delete collection “{title}”</source>
        <translation>Удалить подборку «{title}»</translation>
    </message>
    <message>
        <source>Select documents in the list that are not in this collection yet.</source>
        <translation>Выберите в списке документы, которых ещё нет в этой подборке.</translation>
    </message>
    <message>
        <source>Reorder “{title}”</source>
        <translation>Изменить порядок в «{title}»</translation>
    </message>
</context>
<context>
    <name>Colours</name>
    <message>
        <source>Yellow</source>
        <translation>Жёлтый</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Зелёный</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Синий</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Розовый</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Оранжевый</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n документ</numerusform>
            <numerusform>%n документа</numerusform>
            <numerusform>%n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the %n selected document(s)</source>
        <translation>
            <numerusform>%n выбранный документ</numerusform>
            <numerusform>%n выбранных документа</numerusform>
            <numerusform>%n выбранных документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag “{tag}” on %n document(s)</source>
        <translation>
            <numerusform>Метка «{tag}» у %n документа</numerusform>
            <numerusform>Метка «{tag}» у %n документов</numerusform>
            <numerusform>Метка «{tag}» у %n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Untag “{tag}” on %n document(s)</source>
        <translation>
            <numerusform>Снять метку «{tag}» с %n документа</numerusform>
            <numerusform>Снять метку «{tag}» с %n документов</numerusform>
            <numerusform>Снять метку «{tag}» с %n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set {field} on %n document(s)</source>
        <translation>
            <numerusform>Задать поле «{field}» у %n документа</numerusform>
            <numerusform>Задать поле «{field}» у %n документов</numerusform>
            <numerusform>Задать поле «{field}» у %n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>up to %n document(s) per bar</source>
        <translation>
            <numerusform>до %n документа на столбец</numerusform>
            <numerusform>до %n документов на столбец</numerusform>
            <numerusform>до %n документов на столбец</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %n document(s) reviewed</source>
        <translation>
            <numerusform>Отметить %n документ как проверенный</numerusform>
            <numerusform>Отметить %n документа как проверенные</numerusform>
            <numerusform>Отметить %n документов как проверенные</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n document(s)</source>
        <translation>
            <numerusform>Восстановить %n документ</numerusform>
            <numerusform>Восстановить %n документа</numerusform>
            <numerusform>Восстановить %n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n document(s)</source>
        <translation>
            <numerusform>Удалить %n документ</numerusform>
            <numerusform>Удалить %n документа</numerusform>
            <numerusform>Удалить %n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) moved to the trash (Edit ▸ Undo brings them back)</source>
        <translation>
            <numerusform>%n документ перемещён в корзину (Правка ▸ Отменить вернёт его)</numerusform>
            <numerusform>%n документа перемещены в корзину (Правка ▸ Отменить вернёт их)</numerusform>
            <numerusform>%n документов перемещены в корзину (Правка ▸ Отменить вернёт их)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) need review</source>
        <translation>
            <numerusform>%n документ требует проверки</numerusform>
            <numerusform>%n документа требуют проверки</numerusform>
            <numerusform>%n документов требуют проверки</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(the first %n listed)</source>
        <translation>
            <numerusform>(показан первый %n)</numerusform>
            <numerusform>(показаны первые %n)</numerusform>
            <numerusform>(показаны первые %n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) imported</source>
        <translation>
            <numerusform>Импортирован %n документ</numerusform>
            <numerusform>Импортировано %n документа</numerusform>
            <numerusform>Импортировано %n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged (imported before)</source>
        <translation>
            <numerusform>%n без изменений (импортирован ранее)</numerusform>
            <numerusform>%n без изменений (импортированы ранее)</numerusform>
            <numerusform>%n без изменений (импортированы ранее)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) refused</source>
        <translation>
            <numerusform>Отклонён %n файл</numerusform>
            <numerusform>Отклонено %n файла</numerusform>
            <numerusform>Отклонено %n файлов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of those imported need(s) review</source>
        <translation>
            <numerusform>%n из импортированных требует проверки</numerusform>
            <numerusform>%n из импортированных требуют проверки</numerusform>
            <numerusform>%n из импортированных требуют проверки</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted document(s).</source>
        <translation>
            <numerusform>%n удалённый документ.</numerusform>
            <numerusform>%n удалённых документа.</numerusform>
            <numerusform>%n удалённых документов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n document(s) in the trash for good?</source>
        <translation>
            <numerusform>Удалить %n документ из корзины навсегда?</numerusform>
            <numerusform>Удалить %n документа из корзины навсегда?</numerusform>
            <numerusform>Удалить %n документов из корзины навсегда?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) deleted for good</source>
        <translation>
            <numerusform>%n документ удалён навсегда</numerusform>
            <numerusform>%n документа удалены навсегда</numerusform>
            <numerusform>%n документов удалены навсегда</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stored file(s) removed</source>
        <translation>
            <numerusform>удалён %n сохранённый файл</numerusform>
            <numerusform>удалено %n сохранённых файла</numerusform>
            <numerusform>удалено %n сохранённых файлов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entr(y/ies)</source>
        <translation>
            <numerusform>%n запись</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n document(s) to “{title}”</source>
        <translation>
            <numerusform>Добавить %n документ в «{title}»</numerusform>
            <numerusform>Добавить %n документа в «{title}»</numerusform>
            <numerusform>Добавить %n документов в «{title}»</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n document(s) from “{title}”</source>
        <translation>
            <numerusform>Убрать %n документ из «{title}»</numerusform>
            <numerusform>Убрать %n документа из «{title}»</numerusform>
            <numerusform>Убрать %n документов из «{title}»</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n document(s) in the list (a handout)</source>
        <translation>
            <numerusform>Все %n документ из списка (раздаточный материал)</numerusform>
            <numerusform>Все %n документа из списка (раздаточный материал)</numerusform>
            <numerusform>Все %n документов из списка (раздаточный материал)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n document(s) in the list</source>
        <translation>
            <numerusform>%n документ из списка</numerusform>
            <numerusform>%n документа из списка</numerusform>
            <numerusform>%n документов из списка</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n страница</numerusform>
            <numerusform>%n страницы</numerusform>
            <numerusform>%n страниц</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) found for “{query}” (of {total})</source>
        <translation>
            <numerusform>По запросу «{query}» найден %n документ (из {total})</numerusform>
            <numerusform>По запросу «{query}» найдено %n документа (из {total})</numerusform>
            <numerusform>По запросу «{query}» найдено %n документов (из {total})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n document(s)</source>
        <translation>
            <numerusform>{shown} из %n документа</numerusform>
            <numerusform>{shown} из %n документов</numerusform>
            <numerusform>{shown} из %n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) match “{query}”</source>
        <translation>
            <numerusform>«{query}»: найден %n документ</numerusform>
            <numerusform>«{query}»: найдено %n документа</numerusform>
            <numerusform>«{query}»: найдено %n документов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Curating</name>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Подборки</translation>
    </message>
    <message>
        <source>Review Queue</source>
        <translation>Очередь проверки</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Не удалено</translation>
    </message>
    <message>
        <source>Not marked reviewed</source>
        <translation>Не отмечено как проверенное</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Date as written</source>
        <translation>Дата как в документе</translation>
    </message>
    <message>
        <source>as written, e.g. 13 May 1950</source>
        <translation>как в документе, например 13 мая 1950</translation>
    </message>
    <message>
        <source>Earliest date</source>
        <translation>Самая ранняя дата</translation>
    </message>
    <message>
        <source>Latest date</source>
        <translation>Самая поздняя дата</translation>
    </message>
    <message>
        <source>yyyy-mm-dd</source>
        <translation>гггг-мм-дд</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Точность</translation>
    </message>
    <message>
        <source>The date as the document writes it; the range below follows as you type</source>
        <translation>Дата так, как она написана в документе; диапазон ниже заполняется по мере ввода</translation>
    </message>
    <message>
        <source>The earliest day the date stands for (ISO)</source>
        <translation>Самый ранний день, который обозначает дата (ISO)</translation>
    </message>
    <message>
        <source>The latest day (the same as the first for a day)</source>
        <translation>Самый поздний день (для точной даты — тот же)</translation>
    </message>
    <message>
        <source>How precise the date is: a day, a month, a year or unknown</source>
        <translation>Насколько точна дата: день, месяц, год или неизвестно</translation>
    </message>
    <message>
        <source>from</source>
        <translation>с</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>точность</translation>
    </message>
</context>
<context>
    <name>Details</name>
    <message>
        <source>reply to</source>
        <translation>ответ на</translation>
    </message>
    <message>
        <source>replied by</source>
        <translation>ответ</translation>
    </message>
    <message>
        <source>continues</source>
        <translation>продолжает</translation>
    </message>
    <message>
        <source>continued by</source>
        <translation>продолжение</translation>
    </message>
    <message>
        <source>related</source>
        <translation>связан</translation>
    </message>
    <message>
        <source>sender</source>
        <translation>отправитель</translation>
    </message>
    <message>
        <source>recipient</source>
        <translation>получатель</translation>
    </message>
    <message>
        <source>signatory</source>
        <translation>подписал</translation>
    </message>
    <message>
        <source>mentioned</source>
        <translation>упомянут</translation>
    </message>
    <message>
        <source>place</source>
        <translation>место</translation>
    </message>
    <message>
        <source>person</source>
        <translation>человек</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>организация</translation>
    </message>
    <message>
        <source>transcript</source>
        <translation>расшифровка</translation>
    </message>
    <message>
        <source>translation</source>
        <translation>перевод</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>примечания</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>набран</translation>
    </message>
    <message>
        <source>from the PDF&apos;s text</source>
        <translation>из текста PDF</translation>
    </message>
    <message>
        <source>recognised (OCR)</source>
        <translation>распознан (OCR)</translation>
    </message>
    <message>
        <source>entered by hand</source>
        <translation>введён вручную</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Шифр</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Date as written</source>
        <translation>Дата как в документе</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Гриф</translation>
    </message>
    <message>
        <source>Original language</source>
        <translation>Язык оригинала</translation>
    </message>
    <message>
        <source>Reference numbers</source>
        <translation>Номера</translation>
    </message>
    <message>
        <source>Archival source</source>
        <translation>Архивный источник</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Архив</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Citation</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Благодарности</translation>
    </message>
    <message>
        <source>Rights</source>
        <translation>Права</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Содержимое</translation>
    </message>
    <message>
        <source>{kind} ({language}, {origin}, {count} characters)</source>
        <translation>{kind} ({language}, {origin}, знаков: {count})</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>Тексты</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Скан</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Source file</source>
        <translation>Исходный файл</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Импортирован</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Требует проверки</translation>
    </message>
    <message>
        <source>written “{name}”</source>
        <translation>написано «{name}»</translation>
    </message>
    <message>
        <source>also {names}</source>
        <translation>также {names}</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>без даты</translation>
    </message>
    <message>
        <source>not in this archive</source>
        <translation>нет в этом архиве</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Краткое содержание</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Поля</translation>
    </message>
    <message>
        <source>People and places</source>
        <translation>Люди и места</translation>
    </message>
    <message>
        <source>Related documents</source>
        <translation>Связанные документы</translation>
    </message>
</context>
<context>
    <name>DetailsEditing</name>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Edit details…</source>
        <translation>Изменить сведения…</translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation>Изменение сведений</translation>
    </message>
    <message>
        <source>Correct the fields of this document (F2)</source>
        <translation>Исправить поля этого документа (F2)</translation>
    </message>
    <message>
        <source>Why the document needs review</source>
        <translation>Почему документ требует проверки</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Отметить как проверенный</translation>
    </message>
    <message>
        <source>This document no longer needs review (undoable)</source>
        <translation>Этот документ больше не требует проверки (можно отменить)</translation>
    </message>
    <message>
        <source>Tags: {tags}</source>
        <translation>Метки: {tags}</translation>
    </message>
    <message>
        <source>No tags</source>
        <translation>Меток нет</translation>
    </message>
    <message>
        <source>corrected by hand: {fields}</source>
        <translation>исправлено вручную: {fields}</translation>
    </message>
    <message>
        <source>no reason recorded</source>
        <translation>причина не записана</translation>
    </message>
    <message>
        <source>Needs review: {reasons}</source>
        <translation>Требует проверки: {reasons}</translation>
    </message>
    <message>
        <source>The edits of the document you left were not saved</source>
        <translation>Правки документа, который вы покинули, не сохранены</translation>
    </message>
</context>
<context>
    <name>DetailsEditor</name>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>People and places</source>
        <translation>Люди и места</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Related documents</source>
        <translation>Связанные документы</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>✎ corrected by {author}, {when}</source>
        <translation>✎ исправил(а) {author}, {when}</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>кто-то</translation>
    </message>
    <message>
        <source>imported: {value}</source>
        <translation>при импорте: {value}</translation>
    </message>
    <message>
        <source>Copy what you typed</source>
        <translation>Скопировать введённое</translation>
    </message>
    <message>
        <source>Copy the changed fields as text, to paste them elsewhere</source>
        <translation>Скопировать изменённые поля текстом, чтобы вставить их в другое место</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Leave without saving (Esc)</source>
        <translation>Выйти без сохранения (Esc)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save the changed fields (Ctrl+S); Edit ▸ Undo takes them back</source>
        <translation>Сохранить изменённые поля (Ctrl+S); Правка ▸ Отменить вернёт их</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>tags separated by ;</source>
        <translation>метки через ;</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>без даты</translation>
    </message>
    <message>
        <source>not in this archive</source>
        <translation>нет в этом архиве</translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation>Изменение сведений</translation>
    </message>
    <message>
        <source>{field} as imported</source>
        <translation>{field}: как при импорте</translation>
    </message>
    <message>
        <source>Edits of a deleted document</source>
        <translation>Правка удалённого документа</translation>
    </message>
    <message>
        <source>“{title}” was deleted while you were editing it: what you typed cannot be saved unless the document is restored from the Trash. Copy what you typed to keep it.</source>
        <translation>«{title}» удалён, пока вы его правили: введённое можно сохранить, только если восстановить документ из корзины. Скопируйте введённое, чтобы не потерять его.</translation>
    </message>
    <message>
        <source>Not saved: see {field} below.</source>
        <translation>Не сохранено: см. поле «{field}» ниже.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Не сохранено: {reason}</translation>
    </message>
    <message>
        <source>Edit tags</source>
        <translation>Изменить метки</translation>
    </message>
    <message>
        <source>Edit {fields}</source>
        <translation>Изменить: {fields}</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Scan</source>
        <translation>Скан</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Расшифровка</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Перевод</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Сведения</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <source>Document list</source>
        <translation>Список документов</translation>
    </message>
    <message>
        <source>Documents in the archive; Up and Down open the next one</source>
        <translation>Документы архива; стрелки вверх и вниз открывают соседний</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>Click a column to sort by it; click again to reverse; right-click to show or hide columns</source>
        <translation>Щелчок по столбцу сортирует по нему, повторный — в обратном порядке; правый щелчок показывает или скрывает столбцы</translation>
    </message>
</context>
<context>
    <name>DocumentPage</name>
    <message>
        <source>Start</source>
        <translation>В начало</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Вперёд</translation>
    </message>
    <message>
        <source>{number} of {total}</source>
        <translation>{number} из {total}</translation>
    </message>
    <message>
        <source>This document has no text or scan to show here.</source>
        <translation>У этого документа нет текста или скана для показа.</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Скан</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Оригинал</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Перевод</translation>
    </message>
    <message>
        <source>Undated</source>
        <translation>Без даты</translation>
    </message>
    <message>
        <source>From {sender} to {recipient}</source>
        <translation>От: {sender}, кому: {recipient}</translation>
    </message>
    <message>
        <source>From {sender}</source>
        <translation>От: {sender}</translation>
    </message>
    <message>
        <source>To {recipient}</source>
        <translation>Кому: {recipient}</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <source>Document title</source>
        <translation>Название документа</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>From</source>
        <translation>От</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Гриф</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Date, type, from, to and classification</source>
        <translation>Дата, вид, от кого, кому и гриф</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>Копировать ссылку</translation>
    </message>
    <message>
        <source>Copy the full citation of this document (Ctrl+Shift+C)</source>
        <translation>Скопировать полную ссылку на этот документ (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Document parts</source>
        <translation>Части документа</translation>
    </message>
    <message>
        <source>Scan, transcript, translation and details (Ctrl+1 to Ctrl+4)</source>
        <translation>Скан, расшифровка, перевод и сведения (Ctrl+1 … Ctrl+4)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <source>Every stored field; links open related documents</source>
        <translation>Все сохранённые поля; ссылки открывают связанные документы</translation>
    </message>
    <message>
        <source>The scanned pages (Ctrl+1)</source>
        <translation>Отсканированные страницы (Ctrl+1)</translation>
    </message>
    <message>
        <source>The text in the original language (Ctrl+2)</source>
        <translation>Текст на языке оригинала (Ctrl+2)</translation>
    </message>
    <message>
        <source>The translation (Ctrl+3)</source>
        <translation>Перевод (Ctrl+3)</translation>
    </message>
    <message>
        <source>Every stored field (Ctrl+4)</source>
        <translation>Все сохранённые поля (Ctrl+4)</translation>
    </message>
    <message>
        <source>Choose a document from the list or the timeline.</source>
        <translation>Выберите документ в списке или на хронологии.</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>без даты</translation>
    </message>
    <message>
        <source>No scan is attached to this document.</source>
        <translation>К этому документу не прикреплён скан.</translation>
    </message>
    <message>
        <source>Its text is in the Transcript and Translation tabs.</source>
        <translation>Его текст — на вкладках «Расшифровка» и «Перевод».</translation>
    </message>
    <message>
        <source>Attach a PDF or an image of the original (File ▸ Attach Scan…).</source>
        <translation>Прикрепите PDF или изображение оригинала (Файл ▸ Прикрепить скан…).</translation>
    </message>
    <message>
        <source>Attach a scan…</source>
        <translation>Прикрепить скан…</translation>
    </message>
    <message>
        <source>Attach a PDF or an image (JPEG, PNG, TIFF) as this document&apos;s scan</source>
        <translation>Прикрепить PDF или изображение (JPEG, PNG, TIFF) как скан этого документа</translation>
    </message>
    <message>
        <source>Open in a web browser?</source>
        <translation>Открыть в браузере?</translation>
    </message>
    <message>
        <source>This address is on the internet. Opening it starts your web browser and connects to that site; everything else in this app stays offline.</source>
        <translation>Этот адрес находится в интернете. Если его открыть, запустится браузер и подключится к этому сайту; всё остальное в программе работает без сети.</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Части</translation>
    </message>
    <message>
        <source>Date the document was written (ISO)</source>
        <translation>Дата написания документа (ISO)</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Вид документа</translation>
    </message>
    <message>
        <source>Original language</source>
        <translation>Язык оригинала</translation>
    </message>
    <message>
        <source>Which parts exist: S scan, T transcript, E translation</source>
        <translation>Какие части есть: S — скан, T — расшифровка, E — перевод</translation>
    </message>
    <message>
        <source>scan</source>
        <translation>скан</translation>
    </message>
    <message>
        <source>transcript</source>
        <translation>расшифровка</translation>
    </message>
    <message>
        <source>translation</source>
        <translation>перевод</translation>
    </message>
    <message>
        <source>No scan, transcript or translation</source>
        <translation>Нет ни скана, ни расшифровки, ни перевода</translation>
    </message>
    <message>
        <source>Has {parts}</source>
        <translation>Есть: {parts}</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>без даты</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>Chicago (note)</source>
        <translation>Chicago (примечания)</translation>
    </message>
    <message>
        <source>Chicago (bibliography)</source>
        <translation>Chicago (библиография)</translation>
    </message>
    <message>
        <source>APA 7th edition</source>
        <translation>APA, 7-е издание</translation>
    </message>
    <message>
        <source>MLA 9th edition</source>
        <translation>MLA, 9-е издание</translation>
    </message>
    <message>
        <source>Export &amp;As…</source>
        <translation>Экспорт &amp;в формат…</translation>
    </message>
    <message>
        <source>Export to CSV, JSON, TEI, CMIF, CSL-JSON, RIS or an annotated PDF</source>
        <translation>Экспорт в CSV, JSON, TEI, CMIF, CSL-JSON, RIS или PDF с аннотациями</translation>
    </message>
    <message>
        <source>&amp;Merge Archive…</source>
        <translation>О&amp;бъединить с архивом…</translation>
    </message>
    <message>
        <source>Bring another archive&apos;s documents, annotations and corrections into this one</source>
        <translation>Перенести в этот архив документы, аннотации и исправления из другого</translation>
    </message>
    <message>
        <source>Citation &amp;Style</source>
        <translation>&amp;Стиль ссылок</translation>
    </message>
    <message>
        <source>As the source gives it</source>
        <translation>Как в источнике</translation>
    </message>
    <message>
        <source>Export As</source>
        <translation>Экспорт в формат</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>Экспортировано: {path}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Экспорт не удался</translation>
    </message>
    <message>
        <source>Merge Archive</source>
        <translation>Объединение архивов</translation>
    </message>
    <message>
        <source>Archives (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>Архивы (*.db *.sqlite *.sqlite3);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Merge failed</source>
        <translation>Объединение не удалось</translation>
    </message>
</context>
<context>
    <name>ExchangeExportDialog</name>
    <message>
        <source>Annotated PDF (a handout)</source>
        <translation>PDF с аннотациями (раздаточный материал)</translation>
    </message>
    <message>
        <source>CSV (spreadsheets)</source>
        <translation>CSV (электронные таблицы)</translation>
    </message>
    <message>
        <source>JSON (every field; imports back)</source>
        <translation>JSON (все поля; импортируется обратно)</translation>
    </message>
    <message>
        <source>CMIF (letters, for correspSearch)</source>
        <translation>CMIF (письма, для correspSearch)</translation>
    </message>
    <message>
        <source>RIS (reference managers)</source>
        <translation>RIS (менеджеры библиографии)</translation>
    </message>
    <message>
        <source>Export As</source>
        <translation>Экспорт в формат</translation>
    </message>
    <message>
        <source>The open document</source>
        <translation>Открытый документ</translation>
    </message>
    <message>
        <source>The collection</source>
        <translation>Подборка</translation>
    </message>
    <message>
        <source>The whole archive ({documents})</source>
        <translation>Весь архив ({documents})</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>Документы:</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
</context>
<context>
    <name>ExportCommands</name>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>There is no document to export.</source>
        <translation>Нет документов для экспорта.</translation>
    </message>
    <message>
        <source>Export Annotated PDF</source>
        <translation>Экспорт PDF с аннотациями</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>Экспортировано: {path}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Экспорт не удался</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Annotated PDF</source>
        <translation>Экспорт PDF с аннотациями</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>Этот документ</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Скан</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Расшифровка</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Перевод</translation>
    </message>
    <message>
        <source>Include annotations</source>
        <translation>Включить аннотации</translation>
    </message>
    <message>
        <source>Include annotations in {colour}</source>
        <translation>Включить аннотации цвета «{colour}»</translation>
    </message>
    <message>
        <source>One part after another</source>
        <translation>Части одна за другой</translation>
    </message>
    <message>
        <source>Original beside translation (landscape)</source>
        <translation>Оригинал рядом с переводом (альбомная)</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>Документы:</translation>
    </message>
    <message>
        <source>Parts:</source>
        <translation>Части:</translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation>Цвета:</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>Вёрстка:</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Гриф</translation>
    </message>
    <message>
        <source>Original language</source>
        <translation>Язык оригинала</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Отправитель</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Получатель</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Подписал</translation>
    </message>
    <message>
        <source>Mentioned</source>
        <translation>Упомянуты</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Archival source</source>
        <translation>Архивный источник</translation>
    </message>
    <message>
        <source>Archival references</source>
        <translation>Архивные шифры</translation>
    </message>
    <message>
        <source>Reference numbers</source>
        <translation>Номера</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Связи</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Краткое содержание</translation>
    </message>
    <message>
        <source>Citation</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Благодарности</translation>
    </message>
    <message>
        <source>Rights</source>
        <translation>Права</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Расшифровка</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Перевод</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <source>Reply to</source>
        <translation>Ответ на</translation>
    </message>
    <message>
        <source>Continues</source>
        <translation>Продолжает</translation>
    </message>
    <message>
        <source>Related to</source>
        <translation>Связан с</translation>
    </message>
    <message>
        <source>day</source>
        <translation>день</translation>
    </message>
    <message>
        <source>month</source>
        <translation>месяц</translation>
    </message>
    <message>
        <source>year</source>
        <translation>год</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} и {last}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Original language of the document</source>
        <translation>Язык оригинала документа</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Вид документа</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Гриф</translation>
    </message>
    <message>
        <source>Security classification: each marking once, in every spelling</source>
        <translation>Гриф секретности: каждый гриф один раз, во всех написаниях</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Лицо</translation>
    </message>
    <message>
        <source>A person the document is from, to, or mentions (any alias)</source>
        <translation>Лицо, от которого или к которому документ или которое в нём упомянуто (любой вариант имени)</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>A tag given to documents (Edit ▸ Tag Selected…)</source>
        <translation>Метка, данная документам (Правка ▸ Метка для выбранных…)</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Любой</translation>
    </message>
    <message>
        <source>Search the full text (Ctrl+F)</source>
        <translation>Поиск по всему тексту (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Words, &quot;phrases&quot;, prefix*, OR, -excluded; names match their aliases. F3 / Shift+F3: the next or previous hit in the open document</source>
        <translation>Слова, &quot;фразы&quot;, начало*, OR, -исключить; имена находятся и по вариантам. F3 / Shift+F3: следующее или предыдущее совпадение в открытом документе</translation>
    </message>
    <message>
        <source>{facet} filter</source>
        <translation>Фильтр «{facet}»</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Требуют проверки</translation>
    </message>
    <message>
        <source>Needs review filter</source>
        <translation>Фильтр «Требуют проверки»</translation>
    </message>
    <message>
        <source>Only the documents waiting for review (their reasons: View ▸ Review Queue)</source>
        <translation>Только документы, ожидающие проверки (причины: Вид ▸ Очередь проверки)</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Дата с</translation>
    </message>
    <message>
        <source>Earliest date, e.g. 1950 or 1950-05-01</source>
        <translation>Самая ранняя дата, например 1950 или 1950-05-01</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Дата по</translation>
    </message>
    <message>
        <source>Latest date, e.g. 1950-05-31</source>
        <translation>Самая поздняя дата, например 1950-05-31</translation>
    </message>
    <message>
        <source>yyyy-mm-dd</source>
        <translation>гггг-мм-дд</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>Show the whole archive again</source>
        <translation>Снова показать весь архив</translation>
    </message>
    <message>
        <source>How many documents are listed</source>
        <translation>Сколько документов в списке</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>Written as:</source>
        <translation>Написания:</translation>
    </message>
    <message>
        <source>Also written: {names}</source>
        <translation>Также пишется: {names}</translation>
    </message>
    <message>
        <source>No documents match “{query}”</source>
        <translation>По запросу «{query}» ничего не найдено</translation>
    </message>
    <message>
        <source>No documents match these filters</source>
        <translation>Нет документов, подходящих под эти фильтры</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>{part} corrected</source>
        <translation>{part}: исправлено</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Tags: {before} → {after}</source>
        <translation>Метки: {before} → {after}</translation>
    </message>
    <message>
        <source>Moved to the trash</source>
        <translation>Перемещён в корзину</translation>
    </message>
    <message>
        <source>Restored from the trash</source>
        <translation>Восстановлен из корзины</translation>
    </message>
    <message>
        <source>Marked reviewed</source>
        <translation>Отмечен как проверенный</translation>
    </message>
    <message>
        <source>Needs review again</source>
        <translation>Снова требует проверки</translation>
    </message>
    <message>
        <source>by {author}, {when}</source>
        <translation>{author}, {when}</translation>
    </message>
    <message>
        <source>(undone since)</source>
        <translation>(впоследствии отменено)</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <source>History of the document</source>
        <translation>История документа</translation>
    </message>
    <message>
        <source>No change recorded: every field is as imported.</source>
        <translation>Изменений нет: все поля такие, как при импорте.</translation>
    </message>
    <message>
        <source>Revert this change</source>
        <translation>Откатить это изменение</translation>
    </message>
    <message>
        <source>Put back what the chosen change replaced (refused if it was changed again since); undoable</source>
        <translation>Вернуть то, что заменило выбранное изменение (если с тех пор не менялось); можно отменить</translation>
    </message>
    <message>
        <source>Revert “{change}”</source>
        <translation>Откат «{change}»</translation>
    </message>
    <message>
        <source>Not reverted: {reason}</source>
        <translation>Не откачено: {reason}</translation>
    </message>
</context>
<context>
    <name>HitFinder</name>
    <message>
        <source>Search hits in this text</source>
        <translation>Совпадения в этом тексте</translation>
    </message>
    <message>
        <source>F3: next hit · Shift+F3: previous hit (Edit ▸ Find Next, Find Previous)</source>
        <translation>F3: следующее совпадение · Shift+F3: предыдущее (Правка ▸ Найти далее, Найти ранее)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Совпадений нет</translation>
    </message>
    <message>
        <source>wrapped to the start</source>
        <translation>с начала</translation>
    </message>
    <message>
        <source>wrapped to the end</source>
        <translation>с конца</translation>
    </message>
    <message>
        <source>Matches: {total}</source>
        <translation>Совпадений: {total}</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} из {total}</translation>
    </message>
</context>
<context>
    <name>ImportCommands</name>
    <message>
        <source>Importing {name}… ({done} of {total})</source>
        <translation>Импорт {name}… ({done} из {total})</translation>
    </message>
    <message>
        <source>Making the archive&apos;s indexes again…</source>
        <translation>Индексы архива создаются заново…</translation>
    </message>
    <message>
        <source>Import Documents</source>
        <translation>Импорт документов</translation>
    </message>
    <message>
        <source>Documents (*.txt *.md *.text *.pdf);;All files (*)</source>
        <translation>Документы (*.txt *.md *.text *.pdf);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>{imported} imported, {unchanged} unchanged, {refused} refused</source>
        <translation>Импортировано: {imported}, без изменений: {unchanged}, отклонено: {refused}</translation>
    </message>
    <message>
        <source>Some files were refused</source>
        <translation>Некоторые файлы отклонены</translation>
    </message>
    <message>
        <source>The documents were imported, but the indexes this import left out could not be made again ({reason}). The archive answers without them, more slowly, until they are made: when the archive is next opened here, or imported into.</source>
        <translation>Документы импортированы, но индексы, которые этот импорт отложил, не удалось создать заново ({reason}). Архив работает без них, медленнее, пока они не будут созданы: при следующем открытии архива здесь или при следующем импорте.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Импорт не удался</translation>
    </message>
    <message>
        <source>{names} is encrypted.</source>
        <translation>{names} зашифрован.</translation>
    </message>
    <message>
        <source>{names} are encrypted.</source>
        <translation>{names} зашифрованы.</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>Нужен пароль</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Attach a scan</source>
        <translation>Прикрепить скан</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</source>
        <translation>Сканы (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;Все файлы (*)</translation>
    </message>
    <message>
        <source>{name} is {reason}.</source>
        <translation>{name}: {reason}.</translation>
    </message>
    <message>
        <source>Scan not attached</source>
        <translation>Скан не прикреплён</translation>
    </message>
    <message>
        <source>{name}: attached</source>
        <translation>{name}: прикреплён</translation>
    </message>
    <message>
        <source>Attach failed</source>
        <translation>Не удалось прикрепить</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>Import Finished</source>
        <translation>Импорт завершён</translation>
    </message>
    <message>
        <source>Refused files and documents needing review</source>
        <translation>Отклонённые файлы и документы, требующие проверки</translation>
    </message>
    <message>
        <source>Refused:</source>
        <translation>Отклонены:</translation>
    </message>
    <message>
        <source>Needing review:</source>
        <translation>Требуют проверки:</translation>
    </message>
    <message>
        <source>Show those needing review</source>
        <translation>Показать требующие проверки</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Touch the screen to explore the documents</source>
        <translation>Коснитесь экрана, чтобы посмотреть документы</translation>
    </message>
    <message>
        <source>Documents from the archive, in the order they were written. Touch one to read it in its original language or in English translation, or find words with the search.</source>
        <translation>Документы из архива в том порядке, в каком они написаны. Коснитесь документа, чтобы прочитать его на языке оригинала или в английском переводе, или найдите слова поиском.</translation>
    </message>
    <message>
        <source>Documents from the archive</source>
        <translation>Документы из архива</translation>
    </message>
    <message>
        <source>Timeline: touch a mark to open that document</source>
        <translation>Хронология: коснитесь отметки, чтобы открыть документ</translation>
    </message>
</context>
<context>
    <name>LanguageButton</name>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>The new language takes effect when Archive Viewer starts again.</source>
        <translation>Новый язык вступит в силу при следующем запуске Archive Viewer.</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>Russian</source>
        <translation>русский</translation>
    </message>
    <message>
        <source>English</source>
        <translation>английский</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>китайский</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>корейский</translation>
    </message>
    <message>
        <source>German</source>
        <translation>немецкий</translation>
    </message>
    <message>
        <source>French</source>
        <translation>французский</translation>
    </message>
</context>
<context>
    <name>LinesField</name>
    <message>
        <source>one a line, e.g. APRF, f. 45, op. 1, d. 335, l. 1-2</source>
        <translation>по одной на строку, например АПРФ, ф. 45, оп. 1, д. 335, л. 1-2</translation>
    </message>
</context>
<context>
    <name>LinkPicker</name>
    <message>
        <source>Link to Another Document</source>
        <translation>Связь с другим документом</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Связь</translation>
    </message>
    <message>
        <source>Find the document</source>
        <translation>Найти документ</translation>
    </message>
    <message>
        <source>words, a key or an id</source>
        <translation>слова, шифр или номер</translation>
    </message>
    <message>
        <source>Documents found</source>
        <translation>Найденные документы</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Связать</translation>
    </message>
    <message>
        <source>&amp;Relation:</source>
        <translation>&amp;Связь:</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Найти:</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>без даты</translation>
    </message>
    <message>
        <source>(this document)</source>
        <translation>(этот документ)</translation>
    </message>
    <message numerus="yes">
        <source>%n found</source>
        <translation>
            <numerusform>Найдено: %n</numerusform>
            <numerusform>Найдено: %n</numerusform>
            <numerusform>Найдено: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>(the first ones)</source>
        <translation>(только первые)</translation>
    </message>
</context>
<context>
    <name>LinksField</name>
    <message>
        <source>Add link…</source>
        <translation>Добавить связь…</translation>
    </message>
    <message>
        <source>Link this document to another, found by search</source>
        <translation>Связать этот документ с другим, найденным поиском</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Remove the chosen link</source>
        <translation>Убрать выбранную связь</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Counting the documents found…</source>
        <translation>Подсчёт найденных документов…</translation>
    </message>
    <message>
        <source>Citation copied</source>
        <translation>Ссылка скопирована</translation>
    </message>
    <message>
        <source>Cannot open archive</source>
        <translation>Не удаётся открыть архив</translation>
    </message>
    <message>
        <source>Read-only: {reason}</source>
        <translation>Только чтение: {reason}</translation>
    </message>
    <message>
        <source>Archive is writable</source>
        <translation>Архив доступен для записи</translation>
    </message>
    <message>
        <source>Open Archive</source>
        <translation>Открыть архив</translation>
    </message>
    <message>
        <source>Archives (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>Архивы (*.db *.sqlite *.sqlite3);;Все файлы (*)</translation>
    </message>
    <message>
        <source>New Archive</source>
        <translation>Новый архив</translation>
    </message>
    <message>
        <source>Archives (*.db)</source>
        <translation>Архивы (*.db)</translation>
    </message>
    <message>
        <source>{path} already exists; open it with File ▸ Open Archive…</source>
        <translation>{path} уже существует; откройте его через Файл ▸ Открыть архив…</translation>
    </message>
    <message>
        <source>Cannot make the archive</source>
        <translation>Не удаётся создать архив</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>no labels recognised: the title is the first line of the file</source>
        <translation>метки не распознаны: названием стала первая строка файла</translation>
    </message>
    <message>
        <source>no date found</source>
        <translation>дата не найдена</translation>
    </message>
    <message>
        <source>no title found</source>
        <translation>название не найдено</translation>
    </message>
    <message>
        <source>no document text found</source>
        <translation>текст документа не найден</translation>
    </message>
    <message>
        <source>date: the heading says {heading}, the text says “{written}”</source>
        <translation>дата: в заголовке {heading}, в тексте «{written}»</translation>
    </message>
    <message>
        <source>title guessed from the first page</source>
        <translation>название угадано по первой странице</translation>
    </message>
    <message>
        <source>no title found: the file name stands in</source>
        <translation>название не найдено: вместо него имя файла</translation>
    </message>
    <message>
        <source>date guessed from the first page</source>
        <translation>дата угадана по первой странице</translation>
    </message>
    <message>
        <source>needs OCR: {pending} of {total} pages have no text layer</source>
        <translation>нужно распознавание (OCR): у страниц без текстового слоя — {pending} из {total}</translation>
    </message>
    <message>
        <source>needs OCR: {pending} of {total} pages have no text layer ({why})</source>
        <translation>нужно распознавание (OCR): у страниц без текстового слоя — {pending} из {total} ({why})</translation>
    </message>
    <message>
        <source>OCR text is uncertain (confidence {confidence} of 100)</source>
        <translation>распознанный текст ненадёжен (уверенность {confidence} из 100)</translation>
    </message>
    <message>
        <source>the file was damaged and MuPDF repaired it: check the pages</source>
        <translation>файл был повреждён, MuPDF его восстановил: проверьте страницы</translation>
    </message>
    <message>
        <source>no text found on any page</source>
        <translation>ни на одной странице нет текста</translation>
    </message>
    <message>
        <source>the file is {encoding}: check the text against the original</source>
        <translation>файл в кодировке {encoding}: сверьте текст с оригиналом</translation>
    </message>
    <message>
        <source>{field}: corrected differently in {other} ({theirs}, {their_author}, {their_day}) and here ({mine}, {my_author}, {my_day}); kept the newer, {kept}</source>
        <translation>{field}: исправлено по-разному в {other} ({theirs}, {their_author}, {their_day}) и здесь ({mine}, {my_author}, {my_day}); оставлено более новое: {kept}</translation>
    </message>
    <message>
        <source>{field}: the file now says {fresh}; kept the correction {kept} ({author}, {day})</source>
        <translation>{field}: в файле теперь {fresh}; оставлено исправление {kept} ({author}, {day})</translation>
    </message>
    <message>
        <source>OCR was not asked for</source>
        <translation>распознавание (OCR) не заказано</translation>
    </message>
    <message>
        <source>OCR failed on some pages</source>
        <translation>распознавание (OCR) не удалось на некоторых страницах</translation>
    </message>
    <message>
        <source>Tesseract is not installed</source>
        <translation>Tesseract не установлен</translation>
    </message>
    <message>
        <source>no Tesseract language data for {languages}</source>
        <translation>нет языковых данных Tesseract для {languages}</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>файл пуст</translation>
    </message>
    <message>
        <source>not valid {encoding} text ({detail})</source>
        <translation>не текст в кодировке {encoding} ({detail})</translation>
    </message>
    <message>
        <source>not a text file (it holds binary data)</source>
        <translation>не текстовый файл (в нём двоичные данные)</translation>
    </message>
    <message>
        <source>not a text file (hardly any letters in it)</source>
        <translation>не текстовый файл (в нём почти нет букв)</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>файла нет</translation>
    </message>
    <message>
        <source>is a folder</source>
        <translation>это папка</translation>
    </message>
    <message>
        <source>is not a regular file (a named pipe or a device)</source>
        <translation>не обычный файл (именованный канал или устройство)</translation>
    </message>
    <message>
        <source>cannot be read ({detail})</source>
        <translation>не читается ({detail})</translation>
    </message>
    <message>
        <source>could not be written: {reason}</source>
        <translation>не удалось записать: {reason}</translation>
    </message>
    <message>
        <source>the disk is full (or the archive reached its size limit); nothing of this file was written</source>
        <translation>диск заполнен (или архив достиг предельного размера); из этого файла ничего не записано</translation>
    </message>
    <message>
        <source>unexpected error: {detail}</source>
        <translation>непредвиденная ошибка: {detail}</translation>
    </message>
    <message>
        <source>not a readable image: its bytes are not JPEG, PNG or TIFF</source>
        <translation>изображение не читается: его байты не JPEG, PNG и не TIFF</translation>
    </message>
    <message>
        <source>no document with id {id} to attach it to</source>
        <translation>нет документа с id {id}, к которому его прикрепить</translation>
    </message>
    <message>
        <source>not an image or a PDF (JPEG, PNG, TIFF or PDF expected)</source>
        <translation>не изображение и не PDF (ожидается JPEG, PNG, TIFF или PDF)</translation>
    </message>
    <message>
        <source>this scan is already attached to the document</source>
        <translation>этот скан уже прикреплён к документу</translation>
    </message>
    <message>
        <source>not a PDF, or damaged beyond repair (MuPDF: {detail})</source>
        <translation>не PDF или повреждён непоправимо (MuPDF: {detail})</translation>
    </message>
    <message>
        <source>not a readable {kind} image (MuPDF: {detail})</source>
        <translation>изображение {kind} не читается (MuPDF: {detail})</translation>
    </message>
    <message>
        <source>encrypted: a password is needed (--password on the command line)</source>
        <translation>зашифрован: нужен пароль (--password в командной строке)</translation>
    </message>
    <message>
        <source>encrypted, and the password given does not open it</source>
        <translation>зашифрован, и данный пароль его не открывает</translation>
    </message>
    <message>
        <source>damaged: its pages cannot be counted (MuPDF: {detail})</source>
        <translation>повреждён: его страницы не сосчитать (MuPDF: {detail})</translation>
    </message>
    <message>
        <source>has no pages</source>
        <translation>в нём нет страниц</translation>
    </message>
    <message>
        <source>has {count} pages, more than the limit of {limit}</source>
        <translation>страниц в нём {count}, больше предела ({limit})</translation>
    </message>
    <message>
        <source>reading took longer than {seconds} s (stopped at page {page} of {count})</source>
        <translation>чтение заняло больше {seconds} с (остановлено на странице {page} из {count})</translation>
    </message>
    <message>
        <source>page {page} has an absurd size ({width} × {height} pt)</source>
        <translation>у страницы {page} нелепый размер ({width} × {height} пт)</translation>
    </message>
    <message>
        <source>page {page} cannot be read (MuPDF: {detail})</source>
        <translation>страница {page} не читается (MuPDF: {detail})</translation>
    </message>
    <message>
        <source>no readable page</source>
        <translation>нет читаемой страницы</translation>
    </message>
    <message>
        <source>none of its {count} pages can be read ({note})</source>
        <translation>ни одна из его страниц (всего {count}) не читается ({note})</translation>
    </message>
    <message>
        <source>damaged: MuPDF rebuilt its structure but recovered no page content</source>
        <translation>повреждён: MuPDF восстановил его структуру, но не содержимое страниц</translation>
    </message>
    <message>
        <source>stored without its password, so its pages can be shown</source>
        <translation>сохранён без пароля, чтобы его страницы можно было показать</translation>
    </message>
    <message>
        <source>damaged; MuPDF repaired it</source>
        <translation>повреждён; MuPDF его починил</translation>
    </message>
    <message>
        <source>damaged; MuPDF repaired it ({detail})</source>
        <translation>повреждён; MuPDF его починил ({detail})</translation>
    </message>
    <message>
        <source>{count} page attached</source>
        <translation>прикреплена страница: {count}</translation>
    </message>
    <message>
        <source>{count} pages attached</source>
        <translation>прикреплено страниц: {count}</translation>
    </message>
    <message>
        <source>page {page}: OCR failed ({detail})</source>
        <translation>страница {page}: распознавание (OCR) не удалось ({detail})</translation>
    </message>
    <message>
        <source>already in the archive, unchanged</source>
        <translation>уже в архиве, без изменений</translation>
    </message>
    <message>
        <source>{record}: already in the archive, unchanged</source>
        <translation>{record}: уже в архиве, без изменений</translation>
    </message>
    <message>
        <source>read as the metadata of {name}</source>
        <translation>прочитан как метаданные файла {name}</translation>
    </message>
    <message>
        <source>the spreadsheet is empty (no header row)</source>
        <translation>таблица пуста (нет строки заголовков)</translation>
    </message>
    <message>
        <source>no column names a file, a title, a key or a url (see docs/import-csv.md)</source>
        <translation>ни один столбец не называет файл, название, ключ или адрес (см. docs/import-csv.md)</translation>
    </message>
    <message>
        <source>row {row}: column {column}: {reason}</source>
        <translation>строка {row}: столбец {column}: {reason}</translation>
    </message>
    <message>
        <source>not valid JSON (line {line}, column {column})</source>
        <translation>ошибка в JSON (строка {line}, позиция {column})</translation>
    </message>
    <message>
        <source>not an Archive Viewer export (no &quot;format&quot;: &quot;{format}&quot;); a PDF&apos;s metadata file is read with its PDF</source>
        <translation>не экспорт Archive Viewer (нет &quot;format&quot;: &quot;{format}&quot;); файл метаданных PDF читается вместе со своим PDF</translation>
    </message>
    <message>
        <source>an export of version {version}; this program reads versions up to {newest}</source>
        <translation>экспорт версии {version}; эта программа читает версии до {newest}</translation>
    </message>
    <message>
        <source>the export holds no list of documents</source>
        <translation>в экспорте нет списка документов</translation>
    </message>
    <message>
        <source>not an Archive Viewer export (its JSON is nested too deeply to read)</source>
        <translation>не экспорт Archive Viewer (его JSON вложен слишком глубоко, чтобы его прочесть)</translation>
    </message>
    <message>
        <source>document {number} ({key})</source>
        <translation>документ {number} ({key})</translation>
    </message>
    <message>
        <source>document {number}: not a record of this format ({error})</source>
        <translation>документ {number}: не запись этого формата ({error})</translation>
    </message>
    <message>
        <source>document {number}: could not be written ({error})</source>
        <translation>документ {number}: не удалось записать ({error})</translation>
    </message>
    <message>
        <source>{record}; its scan ({pages} pages) is not in a JSON export made without --with-scans: attach it, or merge the archive</source>
        <translation>{record}; его скана (страниц: {pages}) нет в экспорте JSON, сделанном без --with-scans: прикрепите скан или объедините архивы</translation>
    </message>
    <message>
        <source>{path}: no such archive (the file is missing)</source>
        <translation>{path}: такого архива нет (файл отсутствует)</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({detail})</source>
        <translation>{path}: не читается ({detail})</translation>
    </message>
    <message>
        <source>{path}: the file is empty, not an archive</source>
        <translation>{path}: файл пуст, это не архив</translation>
    </message>
    <message>
        <source>{path}: not an archive (not an SQLite database)</source>
        <translation>{path}: не архив (не база данных SQLite)</translation>
    </message>
    <message>
        <source>{path}: the archive is truncated</source>
        <translation>{path}: архив обрезан</translation>
    </message>
    <message>
        <source>{path}: is a folder, not an archive file</source>
        <translation>{path}: это папка, а не файл архива</translation>
    </message>
    <message>
        <source>{path}: an older archive; open it once for writing to upgrade it</source>
        <translation>{path}: архив старой версии; откройте его один раз для записи, чтобы обновить</translation>
    </message>
    <message>
        <source>{path}: not an Archive Viewer archive (another program&apos;s SQLite database); nothing was written to it</source>
        <translation>{path}: не архив Archive Viewer (база данных SQLite другой программы); в неё ничего не записано</translation>
    </message>
    <message>
        <source>{path}: the folder {folder} does not exist</source>
        <translation>{path}: папки {folder} нет</translation>
    </message>
    <message>
        <source>{path}: cannot create an archive in a read-only folder</source>
        <translation>{path}: нельзя создать архив в папке только для чтения</translation>
    </message>
    <message>
        <source>{path}: no collection “{name}” (kiosk.toml [exhibit] collection); this archive has {names}</source>
        <translation>{path}: нет подборки «{name}» (kiosk.toml [exhibit] collection); в этом архиве есть {names}</translation>
    </message>
    <message>
        <source>{path}: no collection “{name}” (kiosk.toml [exhibit] collection); this archive has no collections</source>
        <translation>{path}: нет подборки «{name}» (kiosk.toml [exhibit] collection); в этом архиве нет подборок</translation>
    </message>
    <message>
        <source>{path}: no such kiosk configuration</source>
        <translation>{path}: такой настройки киоска нет</translation>
    </message>
    <message>
        <source>{path}: not valid TOML ({detail})</source>
        <translation>{path}: ошибка в TOML ({detail})</translation>
    </message>
    <message>
        <source>{path}: unknown section [{section}] (known: {known})</source>
        <translation>{path}: неизвестный раздел [{section}] (известные: {known})</translation>
    </message>
    <message>
        <source>{path}: unknown option {where} (known here: {known})</source>
        <translation>{path}: неизвестный параметр {where} (известные здесь: {known})</translation>
    </message>
    <message>
        <source>file {id} is not in the archive</source>
        <translation>файла {id} нет в архиве</translation>
    </message>
    <message>
        <source>page {page} is not in its file, which ends at page {count}</source>
        <translation>страницы {page} нет в файле: последняя страница в нём — {count}</translation>
    </message>
    <message>
        <source>Exporting {count} documents</source>
        <translation>Экспорт документов: {count}</translation>
    </message>
    <message>
        <source>Setting {title}</source>
        <translation>Вёрстка: {title}</translation>
    </message>
    <message>
        <source>Writing the PDF</source>
        <translation>Запись PDF</translation>
    </message>
    <message>
        <source>{pages} pages, {annotations} annotations</source>
        <translation>страниц: {pages}, аннотаций: {annotations}</translation>
    </message>
    <message>
        <source>{count} document</source>
        <translation>документов: {count}</translation>
    </message>
    <message>
        <source>{count} documents</source>
        <translation>документов: {count}</translation>
    </message>
    <message>
        <source>{count} letter</source>
        <translation>писем: {count}</translation>
    </message>
    <message>
        <source>{count} letters</source>
        <translation>писем: {count}</translation>
    </message>
    <message>
        <source>{count} letters, {skipped} not letters</source>
        <translation>писем: {count}, не писем: {skipped}</translation>
    </message>
    <message>
        <source>{count} letter, {skipped} not letters</source>
        <translation>писем: {count}, не писем: {skipped}</translation>
    </message>
    <message>
        <source>{added} added, {updated} updated, {conflicting} conflicting, {skipped} skipped</source>
        <translation>добавлено: {added}, обновлено: {updated}, с расхождениями: {conflicting}, пропущено: {skipped}</translation>
    </message>
    <message>
        <source>scan ({pages})</source>
        <translation>скан ({pages})</translation>
    </message>
    <message>
        <source>{count} page</source>
        <translation>страниц: {count}</translation>
    </message>
    <message>
        <source>{count} pages</source>
        <translation>страниц: {count}</translation>
    </message>
    <message>
        <source>{count} annotation</source>
        <translation>аннотаций: {count}</translation>
    </message>
    <message>
        <source>{count} annotations</source>
        <translation>аннотаций: {count}</translation>
    </message>
    <message>
        <source>{count} tag</source>
        <translation>меток: {count}</translation>
    </message>
    <message>
        <source>{count} tags</source>
        <translation>меток: {count}</translation>
    </message>
    <message>
        <source>{count} annotation edited there since</source>
        <translation>аннотаций, изменённых там с тех пор: {count}</translation>
    </message>
    <message>
        <source>{count} annotations edited there since</source>
        <translation>аннотаций, изменённых там с тех пор: {count}</translation>
    </message>
    <message>
        <source>tags {tags}</source>
        <translation>метки {tags}</translation>
    </message>
    <message>
        <source>{field} as {author} corrected it there</source>
        <translation>{field} в исправлении {author} оттуда</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>ничего</translation>
    </message>
    <message>
        <source>a text of {count} characters</source>
        <translation>текст длиной {count} симв.</translation>
    </message>
    <message>
        <source>Edit {fields}</source>
        <translation>Правка: {fields}</translation>
    </message>
    <message>
        <source>Edit {fields} of {count} documents</source>
        <translation>Правка: {fields} (документов: {count})</translation>
    </message>
    <message>
        <source>Tag {tags}</source>
        <translation>Метки {tags}</translation>
    </message>
    <message>
        <source>Tag {tags} on {count} documents</source>
        <translation>Метки {tags} (документов: {count})</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Отметить как проверенный</translation>
    </message>
    <message>
        <source>Mark reviewed ({count} documents)</source>
        <translation>Отметить как проверенные (документов: {count})</translation>
    </message>
    <message>
        <source>Delete {key}</source>
        <translation>Удалить {key}</translation>
    </message>
    <message>
        <source>Delete {count} documents</source>
        <translation>Удалить документы ({count})</translation>
    </message>
    <message>
        <source>Restore {key}</source>
        <translation>Восстановить {key}</translation>
    </message>
    <message>
        <source>Restore {count} documents</source>
        <translation>Восстановить документы ({count})</translation>
    </message>
    <message>
        <source>Empty the trash of {key}</source>
        <translation>Удалить из корзины насовсем: {key}</translation>
    </message>
    <message>
        <source>Empty the trash of {count} documents</source>
        <translation>Удалить из корзины насовсем документы ({count})</translation>
    </message>
    <message>
        <source>Undo {label}</source>
        <translation>Отменить: {label}</translation>
    </message>
    <message>
        <source>Redo {label}</source>
        <translation>Повторить: {label}</translation>
    </message>
    <message>
        <source>Edit {field} (merged from {other})</source>
        <translation>Правка: {field} (слияние из {other})</translation>
    </message>
    <message>
        <source>Merge {field} from {other}: kept the newer correction</source>
        <translation>Слияние: {field} из {other}, оставлено более новое исправление</translation>
    </message>
    <message>
        <source>Tag {tags} (merged from {other})</source>
        <translation>Метки {tags} (слияние из {other})</translation>
    </message>
    <message>
        <source>no documents chosen</source>
        <translation>не выбрано ни одного документа</translation>
    </message>
    <message>
        <source>nothing to change: no field given</source>
        <translation>менять нечего: не указано ни одно поле</translation>
    </message>
    <message>
        <source>nothing to change: every value is as it was</source>
        <translation>менять нечего: все значения остались прежними</translation>
    </message>
    <message>
        <source>no tag to add or remove</source>
        <translation>нет метки, которую добавить или убрать</translation>
    </message>
    <message>
        <source>nothing to change: the documents already carry these tags</source>
        <translation>менять нечего: у документов уже есть эти метки</translation>
    </message>
    <message>
        <source>nothing to review: no chosen document needs review</source>
        <translation>проверять нечего: ни один выбранный документ не требует проверки</translation>
    </message>
    <message>
        <source>a document cannot link to itself</source>
        <translation>документ не может ссылаться на самого себя</translation>
    </message>
    <message>
        <source>an alias must be a name other than the entry&apos;s own</source>
        <translation>другое имя должно отличаться от имени самой записи</translation>
    </message>
    <message>
        <source>a tag cannot be empty</source>
        <translation>метка не может быть пустой</translation>
    </message>
    <message>
        <source>a tag is at most 80 characters</source>
        <translation>метка — не длиннее 80 символов</translation>
    </message>
    <message>
        <source>no change {id} in the history</source>
        <translation>в истории нет изменения {id}</translation>
    </message>
    <message>
        <source>“{label}” cannot be undone</source>
        <translation>«{label}» нельзя отменить</translation>
    </message>
    <message>
        <source>“{label}” was undone already (change {id})</source>
        <translation>«{label}» уже отменено (изменение {id})</translation>
    </message>
    <message>
        <source>cannot undo “{label}”: the {part} has changed since</source>
        <translation>нельзя отменить «{label}»: с тех пор изменено: {part}</translation>
    </message>
    <message>
        <source>cannot undo “{label}”: the {part} of {key} has changed since</source>
        <translation>нельзя отменить «{label}»: с тех пор изменено: {part} ({key})</translation>
    </message>
    <message>
        <source>cannot undo “{label}”: the {part} of {key} has changed since (now {now})</source>
        <translation>нельзя отменить «{label}»: с тех пор изменено: {part} ({key}), теперь {now}</translation>
    </message>
    <message>
        <source>cannot undo “{label}”: the document {key} is in the archive</source>
        <translation>нельзя отменить «{label}»: документ {key} в архиве</translation>
    </message>
    <message>
        <source>cannot undo “{label}”: the document {key} is in the trash</source>
        <translation>нельзя отменить «{label}»: документ {key} в корзине</translation>
    </message>
    <message>
        <source>cannot undo “{label}”: the document {key} is emptied from the trash</source>
        <translation>нельзя отменить «{label}»: документ {key} удалён из корзины насовсем</translation>
    </message>
    <message>
        <source>the archive is on read-only media or its file is read-only</source>
        <translation>архив на носителе только для чтения, или его файл только для чтения</translation>
    </message>
    <message>
        <source>a title cannot be empty</source>
        <translation>название не может быть пустым</translation>
    </message>
    <message>
        <source>expected text, got {kind}</source>
        <translation>ожидался текст, а получено {kind}</translation>
    </message>
    <message>
        <source>“{value}” is not an ISO date (yyyy-mm-dd)</source>
        <translation>«{value}» — не дата ISO (гггг-мм-дд)</translation>
    </message>
    <message>
        <source>expected the date as written, or {parts}</source>
        <translation>ожидалась дата, как она написана, или {parts}</translation>
    </message>
    <message>
        <source>unknown part {parts}</source>
        <translation>неизвестная часть {parts}</translation>
    </message>
    <message>
        <source>the date as written must be text</source>
        <translation>дата, как она написана, должна быть текстом</translation>
    </message>
    <message>
        <source>“{text}” is not a date this program can read (try {examples})</source>
        <translation>«{text}» — не дата, которую программа может прочесть (попробуйте {examples})</translation>
    </message>
    <message>
        <source>a date range needs its start</source>
        <translation>у диапазона дат должно быть начало</translation>
    </message>
    <message>
        <source>the end {end} is before the start {start}</source>
        <translation>конец {end} раньше начала {start}</translation>
    </message>
    <message>
        <source>unknown precision {precision} ({known})</source>
        <translation>неизвестная точность {precision} ({known})</translation>
    </message>
    <message>
        <source>“unknown”</source>
        <translation>«неизвестно»</translation>
    </message>
    <message>
        <source>expected a list of names</source>
        <translation>ожидался список имён</translation>
    </message>
    <message>
        <source>each entry needs a name</source>
        <translation>у каждой записи должно быть имя</translation>
    </message>
    <message>
        <source>unknown kind {kind} ({known})</source>
        <translation>неизвестный вид {kind} ({known})</translation>
    </message>
    <message>
        <source>expected a list of references</source>
        <translation>ожидался список шифров</translation>
    </message>
    <message>
        <source>a reference has the parts {parts}</source>
        <translation>у шифра есть части {parts}</translation>
    </message>
    <message>
        <source>an empty reference</source>
        <translation>пустой шифр</translation>
    </message>
    <message>
        <source>expected a list of numbers</source>
        <translation>ожидался список номеров</translation>
    </message>
    <message>
        <source>a reference number needs a label or a number</source>
        <translation>у номера должна быть подпись или сам номер</translation>
    </message>
    <message>
        <source>unknown role {role} ({known})</source>
        <translation>неизвестная роль {role} ({known})</translation>
    </message>
    <message>
        <source>unknown relation {relation} ({known})</source>
        <translation>неизвестное отношение {relation} ({known})</translation>
    </message>
    <message>
        <source>expected a list of links</source>
        <translation>ожидался список связей</translation>
    </message>
    <message>
        <source>“{item}”: write a link as RELATION:DOCUMENT, e.g. {example}</source>
        <translation>«{item}»: связь пишут как ОТНОШЕНИЕ:ДОКУМЕНТ, например {example}</translation>
    </message>
    <message>
        <source>each link needs a relation</source>
        <translation>у каждой связи должно быть отношение</translation>
    </message>
    <message>
        <source>a link needs the document it points to</source>
        <translation>у связи должен быть документ, на который она указывает</translation>
    </message>
    <message>
        <source>expected the text&apos;s body</source>
        <translation>ожидалось тело текста</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>метки</translation>
    </message>
    <message>
        <source>review state</source>
        <translation>состояние проверки</translation>
    </message>
</context>
<context>
    <name>NamesField</name>
    <message>
        <source>names separated by ;</source>
        <translation>имена через ;</translation>
    </message>
</context>
<context>
    <name>NumbersField</name>
    <message>
        <source>e.g. No. 8600; Special no. 550</source>
        <translation>например № 8600; Спец. № 550</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>On-screen keyboard</source>
        <translation>Экранная клавиатура</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Пробел</translation>
    </message>
    <message>
        <source>Delete a letter</source>
        <translation>Стереть букву</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Switch to Latin letters</source>
        <translation>Перейти на латиницу</translation>
    </message>
    <message>
        <source>Switch to Cyrillic letters</source>
        <translation>Перейти на кириллицу</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Add highlight</source>
        <translation>Добавить выделение</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Добавить заметку</translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation>Удалить аннотацию</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Изменить заметку</translation>
    </message>
    <message>
        <source>Change colour</source>
        <translation>Изменить цвет</translation>
    </message>
</context>
<context>
    <name>OrderChoice</name>
    <message>
        <source>Order of the documents found</source>
        <translation>Порядок найденных документов</translation>
    </message>
    <message>
        <source>While searching: the best matches first, or another order</source>
        <translation>При поиске: сначала лучшие совпадения или другой порядок</translation>
    </message>
    <message>
        <source>Best match first</source>
        <translation>Сначала лучшие</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
</context>
<context>
    <name>OutOfOrder</name>
    <message>
        <source>Out of order</source>
        <translation>Не работает</translation>
    </message>
    <message>
        <source>This display is resting</source>
        <translation>Этот экран отдыхает</translation>
    </message>
    <message>
        <source>The archive is not available at the moment.</source>
        <translation>Архив сейчас недоступен.</translation>
    </message>
    <message>
        <source>Please ask the library staff, or come back a little later.</source>
        <translation>Пожалуйста, обратитесь к сотрудникам библиотеки или зайдите чуть позже.</translation>
    </message>
    <message>
        <source>For the staff: {cause}</source>
        <translation>Для сотрудников: {cause}</translation>
    </message>
    <message>
        <source>The display tries again every {seconds} seconds.</source>
        <translation>Экран повторяет попытку каждые {seconds} с.</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Варианты имени</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <source>person</source>
        <translation>человек</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>организация</translation>
    </message>
    <message>
        <source>People and Organisations</source>
        <translation>Люди и организации</translation>
    </message>
    <message>
        <source>Find a person</source>
        <translation>Найти человека</translation>
    </message>
    <message>
        <source>Find a name or an alias</source>
        <translation>Найти имя или его вариант</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Объединить с…</translation>
    </message>
    <message>
        <source>Merge the chosen entries into another: mentions and aliases follow</source>
        <translation>Объединить выбранные записи с другой: упоминания и варианты имени переходят к ней</translation>
    </message>
    <message>
        <source>Add alias…</source>
        <translation>Добавить вариант…</translation>
    </message>
    <message>
        <source>Another name this entry is written as (search finds it)</source>
        <translation>Другое имя, которым записан этот человек (поиск его находит)</translation>
    </message>
    <message>
        <source>Remove alias…</source>
        <translation>Убрать вариант…</translation>
    </message>
    <message>
        <source>Take a name away from this entry</source>
        <translation>Убрать имя у этой записи</translation>
    </message>
    <message>
        <source>Mark as organisation</source>
        <translation>Это организация</translation>
    </message>
    <message>
        <source>An organisation, not a person (or back)</source>
        <translation>Организация, а не человек (или обратно)</translation>
    </message>
    <message>
        <source>Show documents</source>
        <translation>Показать документы</translation>
    </message>
    <message>
        <source>List the documents that name this entry</source>
        <translation>Показать документы, где он упомянут</translation>
    </message>
    <message>
        <source>Also: {aliases}</source>
        <translation>Также: {aliases}</translation>
    </message>
    <message>
        <source>Mark as person</source>
        <translation>Это человек</translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>Не изменено: {reason}</translation>
    </message>
    <message>
        <source>Merge {source} into {target}</source>
        <translation>Объединить {source} с {target}</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>Merge {names} into:</source>
        <translation>Объединить {names} с:</translation>
    </message>
    <message>
        <source>Merge {names} into {target}? Every mention and alias goes to {target}; Edit ▸ Undo takes it back.</source>
        <translation>Объединить {names} с {target}? Все упоминания и варианты имени перейдут к {target}; Правка ▸ Отменить вернёт всё назад.</translation>
    </message>
    <message>
        <source>Add alias {alias} to {name}</source>
        <translation>Добавить вариант {alias} к {name}</translation>
    </message>
    <message>
        <source>Remove alias {alias} from {name}</source>
        <translation>Убрать вариант {alias} у {name}</translation>
    </message>
    <message>
        <source>Add Alias</source>
        <translation>Добавить вариант имени</translation>
    </message>
    <message>
        <source>Another name for {name}:</source>
        <translation>Другое имя для {name}:</translation>
    </message>
    <message>
        <source>Name to take away from {name}:</source>
        <translation>Какое имя убрать у {name}:</translation>
    </message>
    <message>
        <source>Remove Alias</source>
        <translation>Убрать вариант имени</translation>
    </message>
    <message>
        <source>Make {name} an organisation</source>
        <translation>Считать {name} организацией</translation>
    </message>
    <message>
        <source>Make {name} a person</source>
        <translation>Считать {name} человеком</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Administrator PIN</source>
        <translation>PIN-код администратора</translation>
    </message>
    <message>
        <source>Staff only: enter the PIN to leave</source>
        <translation>Только для сотрудников: введите PIN-код для выхода</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Сброс</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Please wait.</source>
        <translation>Слишком много неверных PIN-кодов. Подождите.</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>Неверный PIN-код.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>undated</source>
        <translation>без даты</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>From</source>
        <translation>От</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Гриф</translation>
    </message>
    <message>
        <source>Original language</source>
        <translation>Язык оригинала</translation>
    </message>
    <message>
        <source>Reference numbers</source>
        <translation>Номера</translation>
    </message>
    <message>
        <source>Archival source</source>
        <translation>Архивный источник</translation>
    </message>
    <message>
        <source>Citation</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Краткое содержание</translation>
    </message>
    <message>
        <source>pinned note</source>
        <translation>заметка-метка</translation>
    </message>
    <message>
        <source>area</source>
        <translation>область</translation>
    </message>
    <message>
        <source>Scan ({shape})</source>
        <translation>Скан ({shape})</translation>
    </message>
    <message>
        <source>Scan page {page} ({shape})</source>
        <translation>Скан, страница {page} ({shape})</translation>
    </message>
    <message>
        <source>Annotations ({count})</source>
        <translation>Аннотации ({count})</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <source>Print the open document: fields, texts, annotations</source>
        <translation>Напечатать открытый документ: поля, тексты, аннотации</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>П&amp;редпросмотр печати…</translation>
    </message>
    <message>
        <source>See the open document&apos;s pages as they will print</source>
        <translation>Посмотреть страницы открытого документа такими, какими они будут напечатаны</translation>
    </message>
    <message>
        <source>Open a document to print it</source>
        <translation>Откройте документ, чтобы напечатать его</translation>
    </message>
    <message>
        <source>Print Document</source>
        <translation>Печать документа</translation>
    </message>
    <message>
        <source>Open a document to see how it prints</source>
        <translation>Откройте документ, чтобы увидеть, как он будет напечатан</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>Предпросмотр печати</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>The archive is missing:
{path}

It may be on a drive that is not connected, or its name may be mistyped. Nothing was created.
Open another archive, or make a new one.</source>
        <translation>Архив не найден:
{path}

Возможно, он на неподключённом диске или в имени опечатка. Ничего не создано.
Откройте другой архив или создайте новый.</translation>
    </message>
    <message>
        <source>The archive is damaged:
{path}

({error}.) Restore its latest backup or open another archive; the damaged file is not written to.</source>
        <translation>Архив повреждён:
{path}

({error}.) Восстановите последнюю резервную копию или откройте другой архив; в повреждённый файл ничего не записывается.</translation>
    </message>
    <message>
        <source>The archive cannot be opened.

{error}</source>
        <translation>Архив не удаётся открыть.

{error}</translation>
    </message>
    <message>
        <source>Restore backup of {when}</source>
        <translation>Восстановить копию от {when}</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Восстановить копию</translation>
    </message>
    <message>
        <source>Open Another…</source>
        <translation>Открыть другой…</translation>
    </message>
    <message>
        <source>New Archive…</source>
        <translation>Новый архив…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Restored {name} from {backup}.</source>
        <translation>{name} восстановлен из {backup}.</translation>
    </message>
    <message>
        <source>The damaged file was kept as {name}.</source>
        <translation>Повреждённый файл сохранён как {name}.</translation>
    </message>
    <message>
        <source>Open Archive</source>
        <translation>Открыть архив</translation>
    </message>
    <message>
        <source>Archives (*.db);;All files (*)</source>
        <translation>Архивы (*.db);;Все файлы (*)</translation>
    </message>
    <message>
        <source>New Archive</source>
        <translation>Новый архив</translation>
    </message>
    <message>
        <source>Archives (*.db)</source>
        <translation>Архивы (*.db)</translation>
    </message>
</context>
<context>
    <name>RenderService</name>
    <message>
        <source>the drawing process stopped on this page (the file may be damaged)</source>
        <translation>процесс отрисовки остановился на этой странице (файл может быть повреждён)</translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <source>Documents that need review</source>
        <translation>Документы, требующие проверки</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <source>The chosen documents no longer need review (undoable)</source>
        <translation>Выбранные документы больше не требуют проверки (можно отменить)</translation>
    </message>
    <message>
        <source>Show in list</source>
        <translation>Показать в списке</translation>
    </message>
    <message>
        <source>List only the documents that need review (the Needs review filter)</source>
        <translation>Показать в списке только документы, требующие проверки (фильтр «Требуют проверки»)</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>без даты</translation>
    </message>
    <message>
        <source>(no reason recorded)</source>
        <translation>(причина не записана)</translation>
    </message>
    <message>
        <source>Double-click to open.</source>
        <translation>Двойной щелчок — открыть.</translation>
    </message>
    <message>
        <source>Nothing needs review.</source>
        <translation>Проверять нечего.</translation>
    </message>
    <message>
        <source>Not marked: {reason}</source>
        <translation>Не отмечено: {reason}</translation>
    </message>
</context>
<context>
    <name>ScanView</name>
    <message>
        <source>Page thumbnails</source>
        <translation>Миниатюры страниц</translation>
    </message>
    <message>
        <source>Pages of the scan</source>
        <translation>Страницы скана</translation>
    </message>
    <message>
        <source>Scanned page</source>
        <translation>Отсканированная страница</translation>
    </message>
    <message>
        <source>Scanned page area</source>
        <translation>Область отсканированной страницы</translation>
    </message>
    <message>
        <source>Page Up, Page Down: pages; + and −: zoom; W, F: fit</source>
        <translation>Page Up, Page Down — страницы; + и − — масштаб; W, F — по размеру</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Стр.</translation>
    </message>
    <message>
        <source>Scale the page to the width of the view (W)</source>
        <translation>Подогнать страницу по ширине окна (W)</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>Предыдущая страница (Page Up)</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>Следующая страница (Page Down)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>По ширине</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Целиком</translation>
    </message>
    <message>
        <source>Show the whole page (F)</source>
        <translation>Показать всю страницу (F)</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Уменьшить (-)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Увеличить (+)</translation>
    </message>
    <message>
        <source>Page number and zoom</source>
        <translation>Номер страницы и масштаб</translation>
    </message>
    <message>
        <source>Page {number}</source>
        <translation>Страница {number}</translation>
    </message>
    <message>
        <source>Page {number} of {count}</source>
        <translation>Страница {number} из {count}</translation>
    </message>
    <message>
        <source>This page could not be rendered:</source>
        <translation>Эту страницу не удалось отрисовать:</translation>
    </message>
    <message>
        <source>Drawing page {number}…</source>
        <translation>Отрисовка страницы {number}…</translation>
    </message>
    <message>
        <source>Page {number} is being drawn</source>
        <translation>Страница {number} отрисовывается</translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation>причина неизвестна</translation>
    </message>
    <message>
        <source>Page {number} could not be drawn: {reason}</source>
        <translation>Страницу {number} не удалось отрисовать: {reason}</translation>
    </message>
</context>
<context>
    <name>SetFieldDialog</name>
    <message>
        <source>Set a Field on Several Documents</source>
        <translation>Поле для нескольких документов</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Give {documents} the same value (it replaces what each had):</source>
        <translation>Задать одно значение для: {documents} (оно заменит прежние):</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Задать</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Поле:</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Значение:</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Introduction</source>
        <translation>Введение</translation>
    </message>
    <message>
        <source>Touch a document to read it. On a document, swipe left or right for the next one.</source>
        <translation>Коснитесь документа, чтобы прочитать его. В документе проведите влево или вправо, чтобы перейти к соседнему.</translation>
    </message>
    <message>
        <source>Search the documents</source>
        <translation>Поиск по документам</translation>
    </message>
    <message>
        <source>Search the documents…</source>
        <translation>Поиск по документам…</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <source>No document matches “{query}”</source>
        <translation>По запросу «{query}» ничего не найдено</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <source>Tag Documents</source>
        <translation>Метка для документов</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>a tag, e.g. Korean War</source>
        <translation>метка, например Корейская война</translation>
    </message>
    <message>
        <source>A tag for {documents}:</source>
        <translation>Метка для: {documents}:</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>Добавить метку</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>Снять метку</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>{title} progress</source>
        <translation>{title}: ход выполнения</translation>
    </message>
</context>
<context>
    <name>TextCorrecting</name>
    <message>
        <source>Correct…</source>
        <translation>Исправить…</translation>
    </message>
    <message>
        <source>Correct the transcript</source>
        <translation>Исправить расшифровку</translation>
    </message>
    <message>
        <source>Correct the translation</source>
        <translation>Исправить перевод</translation>
    </message>
    <message>
        <source>Correct the transcript in place</source>
        <translation>Исправить расшифровку на месте</translation>
    </message>
    <message>
        <source>Correct the translation in place</source>
        <translation>Исправить перевод на месте</translation>
    </message>
    <message>
        <source>This document has no transcript to correct</source>
        <translation>У этого документа нет расшифровки для исправления</translation>
    </message>
    <message>
        <source>This document has no translation to correct</source>
        <translation>У этого документа нет перевода для исправления</translation>
    </message>
    <message>
        <source>Transcript corrected</source>
        <translation>Расшифровка исправлена</translation>
    </message>
    <message>
        <source>Translation corrected</source>
        <translation>Перевод исправлен</translation>
    </message>
    <message>
        <source>Not saved: {reason}. Your text is still here.</source>
        <translation>Не сохранено: {reason}. Ваш текст остался здесь.</translation>
    </message>
    <message>
        <source>Correct transcript</source>
        <translation>Исправить расшифровку</translation>
    </message>
    <message>
        <source>Correct translation</source>
        <translation>Исправить перевод</translation>
    </message>
</context>
<context>
    <name>TextCorrector</name>
    <message>
        <source>Correcting the transcript.</source>
        <translation>Исправление расшифровки.</translation>
    </message>
    <message>
        <source>Correcting the translation.</source>
        <translation>Исправление перевода.</translation>
    </message>
    <message>
        <source>Annotations on the words you change are kept and marked for review.</source>
        <translation>Аннотации на изменённых словах сохранятся и будут отмечены для проверки.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Leave the text as it was (Esc)</source>
        <translation>Оставить текст как был (Esc)</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Сохранить исправление</translation>
    </message>
    <message>
        <source>Save the corrected text (Ctrl+S); Edit ▸ Undo takes it back</source>
        <translation>Сохранить исправленный текст (Ctrl+S); Правка ▸ Отменить вернёт прежний</translation>
    </message>
    <message>
        <source>Corrected transcript</source>
        <translation>Исправленная расшифровка</translation>
    </message>
    <message>
        <source>Corrected translation</source>
        <translation>Исправленный перевод</translation>
    </message>
</context>
<context>
    <name>TextPart</name>
    <message>
        <source>Side by side</source>
        <translation>Параллельно</translation>
    </message>
    <message>
        <source>Show the original and the translation next to each other (Ctrl+Shift+S)</source>
        <translation>Показать оригинал и перевод рядом (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Мельче текст</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Крупнее текст</translation>
    </message>
    <message>
        <source>The transcript</source>
        <translation>Расшифровка</translation>
    </message>
    <message>
        <source>The translation</source>
        <translation>Перевод</translation>
    </message>
    <message>
        <source>select text and press Ctrl+C to copy</source>
        <translation>выделите текст и нажмите Ctrl+C, чтобы скопировать</translation>
    </message>
    <message>
        <source>Original and translation side by side</source>
        <translation>Оригинал и перевод параллельно</translation>
    </message>
    <message>
        <source>Original and translation, each line and paragraph beside its translation</source>
        <translation>Оригинал и перевод: каждая строка и абзац рядом со своим переводом</translation>
    </message>
    <message>
        <source>This document has no transcript in the original language. Its text is available as a translation.</source>
        <translation>У этого документа нет расшифровки на языке оригинала. Его текст доступен в переводе.</translation>
    </message>
    <message>
        <source>This document has no transcript.</source>
        <translation>У этого документа нет расшифровки.</translation>
    </message>
    <message>
        <source>Show the translation</source>
        <translation>Показать перевод</translation>
    </message>
    <message>
        <source>This document has no translation.</source>
        <translation>У этого документа нет перевода.</translation>
    </message>
    <message>
        <source>The transcript holds its text in the original language.</source>
        <translation>Расшифровка содержит его текст на языке оригинала.</translation>
    </message>
    <message>
        <source>Show the transcript</source>
        <translation>Показать расшифровку</translation>
    </message>
    <message>
        <source>unknown language</source>
        <translation>язык неизвестен</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>набран</translation>
    </message>
    <message>
        <source>from the PDF&apos;s text</source>
        <translation>из текста PDF</translation>
    </message>
    <message>
        <source>recognised (OCR)</source>
        <translation>распознан (OCR)</translation>
    </message>
    <message>
        <source>entered by hand</source>
        <translation>введён вручную</translation>
    </message>
    <message>
        <source>Original ({language})</source>
        <translation>Оригинал ({language})</translation>
    </message>
    <message>
        <source>Translation ({language})</source>
        <translation>Перевод ({language})</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>Documents by date. Wheel or +/− zooms, drag pans, drag along the axis (or Shift+drag) selects a date range, arrows move between documents, Enter opens one</source>
        <translation>Документы по датам. Колесо или +/− — масштаб, перетаскивание — сдвиг, перетаскивание вдоль оси (или Shift+перетаскивание) выбирает период, стрелки — переход между документами, Enter открывает документ</translation>
    </message>
    <message>
        <source>Documents by date. + and − zoom, Shift+Left and Shift+Right pan, Left and Right move between documents, Enter opens one, Home shows them all, Esc clears the selected range</source>
        <translation>Документы по датам. + и − — масштаб, Shift+Влево и Shift+Вправо — сдвиг, Влево и Вправо — переход между документами, Enter открывает документ, Home показывает все, Esc снимает выбранный период</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>янв</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>фев</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>мар</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>апр</translation>
    </message>
    <message>
        <source>May</source>
        <translation>май</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>июн</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>июл</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>авг</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>сен</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>окт</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>ноя</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>дек</translation>
    </message>
    <message>
        <source>{year}s</source>
        <comment>a decade</comment>
        <translation>{year}-е</translation>
    </message>
    <message>
        <source>Replies to</source>
        <translation>Отвечает на</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>Continues</source>
        <translation>Продолжает</translation>
    </message>
    <message>
        <source>Continued by</source>
        <translation>Продолжение</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>без даты</translation>
    </message>
</context>
<context>
    <name>Timeline day</name>
    <message>
        <source>Jan</source>
        <translation>янв</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>фев</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>мар</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>апр</translation>
    </message>
    <message>
        <source>May</source>
        <translation>мая</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>июн</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>июл</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>авг</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>сен</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>окт</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>ноя</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>дек</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <source>No dated documents here</source>
        <translation>Здесь нет датированных документов</translation>
    </message>
</context>
<context>
    <name>TimelinePane</name>
    <message>
        <source>Visible date range</source>
        <translation>Видимый период</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>Fit all</source>
        <translation>Всё</translation>
    </message>
    <message>
        <source>Show the whole archive</source>
        <translation>Показать весь архив</translation>
    </message>
    <message>
        <source>Clear range</source>
        <translation>Снять период</translation>
    </message>
    <message>
        <source>Clear the selected date range</source>
        <translation>Снять выбранный период</translation>
    </message>
    <message>
        <source>selected {start} – {end}</source>
        <translation>выбрано {start} – {end}</translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Удалён</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кем</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Аннотации</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Страницы</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
    <message>
        <source>Deleted documents</source>
        <translation>Удалённые документы</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Put the chosen documents back in the archive, whole (undoable)</source>
        <translation>Вернуть выбранные документы в архив целиком (можно отменить)</translation>
    </message>
    <message>
        <source>Empty Trash…</source>
        <translation>Очистить корзину…</translation>
    </message>
    <message>
        <source>Delete the documents in the trash for good (asks first; cannot be undone)</source>
        <translation>Удалить документы из корзины навсегда (с вопросом; отменить нельзя)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Restore puts a document back whole, with its texts, scans, annotations, tags and links.</source>
        <translation>«Восстановить» возвращает документ целиком: с текстами, сканами, аннотациями, метками и связями.</translation>
    </message>
    <message>
        <source>The trash is empty. Documents deleted from the list (Delete) wait here until the trash is emptied.</source>
        <translation>Корзина пуста. Документы, удалённые из списка (Delete), ждут здесь, пока корзину не очистят.</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>Не восстановлено</translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>Очистить корзину</translation>
    </message>
    <message>
        <source>Their texts, annotations and the scans nothing else uses are removed. This cannot be undone.</source>
        <translation>Их тексты, аннотации и сканы, которые больше нигде не используются, будут удалены. Это нельзя отменить.</translation>
    </message>
    <message>
        <source>The trash was emptied: {documents}, {files}.</source>
        <translation>Корзина очищена: {documents}, {files}.</translation>
    </message>
    <message>
        <source>The trash was not emptied</source>
        <translation>Корзина не очищена</translation>
    </message>
</context>
<context>
    <name>WriteQueue</name>
    <message>
        <source>the archive is busy: another program is writing to it. Try again in a moment</source>
        <translation>архив занят: в него пишет другая программа. Попробуйте через минуту</translation>
    </message>
    <message>
        <source>the disk is full (or the archive reached its size limit)</source>
        <translation>диск заполнен (или архив достиг предельного размера)</translation>
    </message>
    <message>
        <source>the archive cannot be written: its file or its drive is read-only</source>
        <translation>в архив нельзя записать: его файл или диск только для чтения</translation>
    </message>
    <message>
        <source>the drive reported an error ({error})</source>
        <translation>диск сообщил об ошибке ({error})</translation>
    </message>
    <message>
        <source>the archive cannot be written: {reason}</source>
        <translation>в архив нельзя записать: {reason}</translation>
    </message>
</context>
</TS>
